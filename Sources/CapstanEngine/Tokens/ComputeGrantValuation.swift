import CapstanModel

/// Where the market price used to value a token came from.
public enum TokenPriceSource: String, Sendable, Hashable {
  /// The last market price recorded on or before the date.
  case market
  /// No market price yet: the token's peg.
  case peg
  /// Neither: the grant's agreed price.
  case agreed
  /// A price given for the valuation (a stress scenario).
  case given
}

/// A compute grant marked to market on one date.
///
/// Formulas (docs/tokens.md): held = locked + available; value = tokens × market price;
/// unrealised = held × (market − agreed); funding gap = max(0, held × (agreed − market));
/// effective price per share = granted × market ÷ shares issued for the tokens.
public struct ComputeGrantValuation: Sendable, Hashable {
  /// The grant.
  public var grant: ComputeGrant
  /// The token.
  public var token: ComputeToken
  /// The date.
  public var asOf: CalendarDate
  /// Tokens by state.
  public var balances: TokenBalances
  /// The price per token used.
  public var marketPrice: Ratio
  /// Where it came from.
  public var priceSource: TokenPriceSource
  /// Shares released to the provider (nil when no equity is linked).
  public var releasedShares: Shares?
  /// Cash received for tokens sold.
  public var saleProceeds: Ratio

  /// Locked tokens at the market price.
  public var lockedValue: Ratio { balances.locked.ratio * marketPrice }
  /// Available (unlocked, unused) tokens at the market price.
  public var availableValue: Ratio { balances.available.ratio * marketPrice }
  /// Held tokens (locked and available) at the market price.
  public var heldValue: Ratio { balances.held.ratio * marketPrice }
  /// Held tokens at the agreed price.
  public var heldAgreedValue: Ratio { balances.held.ratio * grant.agreedPrice }
  /// Every token granted at the market price.
  public var grantedValue: Ratio { balances.granted.ratio * marketPrice }
  /// Held value at market less held value at the agreed price.
  public var unrealisedGain: Ratio { heldValue - heldAgreedValue }
  /// How much less the held tokens are worth than agreed (zero when worth at least that).
  public var fundingGap: Ratio { unrealisedGain.isNegative ? -unrealisedGain : .zero }
  /// What the provider really paid per share at the market price (nil without equity).
  public var effectivePricePerShare: Ratio? {
    guard let equity = grant.equity, equity.shares > .zero else { return nil }
    return grantedValue / equity.shares.ratio
  }
  /// Compute units the available tokens redeem for.
  public var availableUnits: Ratio { token.units(balances.available) }
  /// Compute units the locked tokens will redeem for.
  public var lockedUnits: Ratio { token.units(balances.locked) }

  /// Values a grant position on `date` at the market (or at `price`, when given).
  public init(
    _ position: ComputeGrantPosition, token: ComputeToken, prices: TokenPriceSeries,
    asOf date: CalendarDate, price: Ratio? = nil
  ) {
    self.grant = position.grant
    self.token = token
    self.asOf = date
    self.balances = position.balances(asOf: date, prices: prices)
    self.releasedShares = position.releasedShares(asOf: date, prices: prices)
    self.saleProceeds = position.saleProceeds
    if let price {
      (marketPrice, priceSource) = (price, .given)
    } else if let market = prices.price(on: date) {
      (marketPrice, priceSource) = (market, .market)
    } else if let peg = token.peg {
      (marketPrice, priceSource) = (peg, .peg)
    } else {
      (marketPrice, priceSource) = (position.grant.agreedPrice, .agreed)
    }
  }
}

extension TokenMarket {
  /// Every compute grant of a snapshot valued on its date, oldest first.
  public func valuations(of table: CapTable, asOf date: CalendarDate) throws(LedgerError)
    -> [ComputeGrantValuation]
  {
    var result: [ComputeGrantValuation] = []
    for position in table.computeGrants.values.sorted(by: {
      ($0.date, $0.grant.security) < ($1.date, $1.grant.security)
    }) {
      let token = try token(position.grant.symbol)
      result.append(
        ComputeGrantValuation(
          position, token: token, prices: prices(token.symbol), asOf: date))
    }
    return result
  }
}
