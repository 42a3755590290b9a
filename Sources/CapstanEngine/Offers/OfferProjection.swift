import CapstanModel

/// An offer's compute as runway supplies: its credit legs (used first, until they expire), its
/// compute-SAFE legs (drawn in their windows: compute the company does not buy with cash), its
/// revenue-share credits, then its token investors' tokens as they unlock from the closing.
public struct OfferProjection: Sendable {
  /// The supplies, in the order they are used.
  public var supplies: [RunwayProjection.Supply]
  /// The runway inputs (cash including the offer's cash when asked).
  public var inputs: RunwayInputs
  /// The closing date, the projection's start.
  public var start: CalendarDate
  /// The market price of each token symbol on the closing date (else its peg, else the agreed
  /// price).
  public var basePrices: [String: Ratio]
  /// A price path per symbol (upper-cased), overriding the base price from each mark's date.
  public var path: [String: TokenPriceSeries]
  /// Which base price each symbol has and why, by symbol in the order of the token investors
  /// (a peg or agreed price standing in for a missing market price says so).
  public var priceNotes: [TokenPriceNote]

  /// The projection of `offer`: with `includingOfferCash` (compare) the cash raised arrives at
  /// the closing; without it (`tokens stress --offer`) the cash is what `inputs` says.
  public init(
    offer: Offer, inputs: OfferComparison.Inputs, includingOfferCash: Bool = true,
    path: [TokenPriceMark] = []
  ) {
    var runway = inputs.runway
    if includingOfferCash { runway.cash += offer.cash }
    let unitPrice = runway.computeUnitPrice
    var supplies = offer.credits.enumerated().map { index, leg in
      RunwayProjection.Supply.credits(
        "credits-\(index + 1)", amount: leg.amount, unitPrice: unitPrice,
        months: leg.expiresMonths)
    }
    supplies += offer.computeSAFEs.enumerated().map { index, leg in
      RunwayProjection.Supply.computeSAFE(
        "compute-safe-\(index + 1)", leg, start: offer.closing)
    }
    supplies += offer.revenueShares.enumerated().map { index, leg in
      RunwayProjection.Supply.credits(
        "revenue-share-\(index + 1)", amount: leg.credits, unitPrice: unitPrice, months: nil)
    }
    var prices: [String: Ratio] = [:]
    var notes: [TokenPriceNote] = []
    for investment in offer.terms.tokenInvestments {
      let symbol = investment.symbol.uppercased()
      let token = inputs.market.tokens[symbol]
      supplies.append(
        .investment(
          investment, start: offer.closing, token: token,
          prices: inputs.market.prices(symbol)))
      let note = TokenPriceNote.of(investment, on: offer.closing, in: inputs.market)
      prices[symbol] = note.price
      notes.removeAll { $0.symbol == symbol }
      notes.append(note)
    }
    self.supplies = supplies
    self.inputs = runway
    self.start = offer.closing
    self.basePrices = prices
    self.priceNotes = notes
    self.path = Dictionary(grouping: path) { $0.symbol.uppercased() }.mapValues {
      TokenPriceSeries($0)
    }
  }

  /// The token price of `symbol` on `date`: the path's mark on or before it, else the base.
  public func price(_ symbol: String, on date: CalendarDate) -> Ratio {
    let key = symbol.uppercased()
    return path[key]?.price(on: date) ?? basePrices[key] ?? .zero
  }

  /// Compute units all the supplies buy (tokens × units per token, credits ÷ unit price,
  /// compute-SAFE commitments).
  public var computeUnits: Ratio {
    Ratio.sum(supplies.map { $0.total * $0.unitsPerToken })
  }

  /// The tokens (not credits) at the base prices.
  public var tokenValue: Ratio {
    Ratio.sum(supplies.filter(\.sellable).map { $0.total * price($0.symbol, on: start) })
  }

  /// The projection under `policy`, every token price scaled by 1 − `drop`; it carries the
  /// base prices' notes.
  public func run(_ policy: RunwayProjection.Policy, drop: Ratio) -> RunwayProjection {
    var projection = RunwayProjection(inputs, supplies: supplies, start: start, policy: policy) {
      symbol, date in price(symbol, on: date) * (.one - drop)
    }
    projection.priceNotes = priceNotes
    return projection
  }
}
