import CapstanModel

/// The three ways to raise what a company needs, compared on the same numbers: a cash round,
/// cloud credits, and compute tokens for equity.
///
/// Formulas (docs/tokens.md). F = fully diluted shares now, V = voting shares now.
/// - Cash (pre-money Pre, amount A): the investor's stake A ÷ (Pre + A); new shares
///   A × F ÷ Pre; founders' dilution = the same stake; compute bought = A ÷ p (p = cash price
///   of a unit of compute); runway: C + A spent at B + H·p a month.
/// - Credits (amount A, expiring after E months): no shares; compute = A ÷ p units, used
///   first for E months (what is not used by then is lost).
/// - Tokens (N tokens at agreed price a, for P % or at pre-money Pre): I = N·a; P = I ÷ (Pre +
///   I) when Pre is given, else Pre = I ÷ P − I; new shares P·F ÷ (1 − P); compute = N·u
///   units (u per token), all delivered at the closing, redeemed first; value today
///   N × market, after the drop N × market × (1 − drop). The provider's fully diluted stake adds what it holds already;
///   its voting stake counts its new shares as votes (as converted, one vote each); its share of
///   compute supply is the months its tokens cover over the runway (at most 100 %).
public struct FinancingComparison: Sendable, Hashable {
  /// What the company has now and spends.
  public struct Company: Sendable, Hashable {
    /// Fully diluted shares now.
    public var fullyDiluted: Shares
    /// Votes now: votes per share × outstanding stock as converted.
    public var votingShares: Ratio
    /// The provider's fully diluted shares now.
    public var providerShares: Shares
    /// The provider's votes now.
    public var providerVotes: Ratio
    /// Cash and burn.
    public var runway: RunwayInputs

    /// A company.
    public init(
      fullyDiluted: Shares, votingShares: Ratio, providerShares: Shares = .zero,
      providerVotes: Ratio = .zero, runway: RunwayInputs
    ) {
      self.fullyDiluted = fullyDiluted
      self.votingShares = votingShares
      self.providerShares = providerShares
      self.providerVotes = providerVotes
      self.runway = runway
    }

    /// A company's counts from its capitalization: fully diluted shares, votes (votes per share
    /// × shares as converted), and the provider's fully diluted shares and votes (zero when
    /// the provider holds nothing or is not a stakeholder).
    public init(
      _ capitalization: CompanyCapitalization, provider: Stakeholder.ID?, runway: RunwayInputs
    ) {
      var held = Shares.zero
      var votes = Ratio.zero
      if let provider {
        held =
          (capitalization.stockByHolder[provider] ?? .zero)
          + (capitalization.rightsByHolder[provider] ?? .zero)
        votes = capitalization.votesByHolder[provider] ?? .zero
      }
      self.init(
        fullyDiluted: Shares(Int64(clamping: capitalization.fullyDiluted.floor)),
        votingShares: capitalization.totalVotes, providerShares: held, providerVotes: votes,
        runway: runway)
    }
  }

  /// A financing to compare.
  public enum Offer: Sendable, Hashable {
    /// A cash round at a pre-money valuation.
    case cash(preMoney: Ratio, amount: Ratio)
    /// Cloud credits that expire after some months.
    case credits(amount: Ratio, expiresMonths: Int)
    /// Tokens at an agreed price, for a stake or at a pre-money valuation.
    case tokens(tokens: TokenAmount, agreedPrice: Ratio, stake: TokenStake)
  }

  /// How a token offer is priced.
  public enum TokenStake: Sendable, Hashable {
    /// A fraction of post-money fully diluted shares.
    case percent(Ratio)
    /// A pre-money valuation.
    case preMoney(Ratio)
  }

  /// One offer's numbers.
  public struct Outcome: Sendable, Hashable {
    /// `cash`, `credits` or `tokens`.
    public var name: String
    /// The money the offer is counted as (cash, credits, tokens × agreed price).
    public var amount: Ratio
    /// Whether that covers the need.
    public var coversNeed: Bool
    /// New shares issued (exact; a round floors them).
    public var newShares: Ratio
    /// Founders' (all current holders') dilution: new ÷ post fully diluted.
    public var foundersDilution: Ratio
    /// The new investor's fully diluted stake.
    public var investorFullyDiluted: Ratio
    /// The post-money valuation (nil for credits).
    public var postMoney: Ratio?
    /// Compute units the offer buys at market prices.
    public var computeUnits: Ratio
    /// Runway in months (nil: unlimited or not computable).
    public var runwayMonths: Ratio?
    /// What the offer is worth today.
    public var valueToday: Ratio
    /// What it is worth if the token falls by the drop.
    public var valueAfterDrop: Ratio
    /// Can the company turn it into cash?
    public var liquidity: String
    /// The provider's fully diluted stake after the deal (nil: no provider in the deal).
    public var providerFullyDiluted: Ratio?
    /// The provider's share of votes after the deal.
    public var providerVoting: Ratio?
    /// The provider's share of the company's compute over the runway.
    public var providerComputeShare: Ratio?
  }

  /// Compares `offers` for a company that needs `need`, the token at `marketPrice`, one unit
  /// of compute per `unitsPerToken`, and a price fall of `drop` (0.5 for 50 %).
  public static func compare(
    need: Ratio, company: Company, offers: [Offer], marketPrice: Ratio, unitsPerToken: Ratio,
    drop: Ratio
  ) throws(TokenError) -> [Outcome] {
    guard company.fullyDiluted > .zero else {
      throw .invalid("the company has no fully diluted shares to compare dilution on")
    }
    guard drop >= .zero, drop <= .one else {
      throw .invalid("the price drop must be between 0% and 100%")
    }
    let unitPrice = company.runway.computeUnitPrice
    let f = company.fullyDiluted.ratio
    return try offers.map { offer throws(TokenError) in
      switch offer {
      case .cash(let pre, let amount):
        guard pre > .zero, amount > .zero else {
          throw .invalid("a cash offer needs a positive pre-money and amount")
        }
        let stake = amount / (pre + amount)
        return Outcome(
          name: "cash", amount: amount, coversNeed: amount >= need,
          newShares: amount * f / pre, foundersDilution: stake, investorFullyDiluted: stake,
          postMoney: pre + amount,
          computeUnits: unitPrice > .zero ? amount / unitPrice : .zero,
          runwayMonths: Self.runway(company.runway, cash: amount), valueToday: amount,
          valueAfterDrop: amount, liquidity: "full: cash", providerFullyDiluted: nil,
          providerVoting: nil, providerComputeShare: nil)
      case .credits(let amount, let months):
        guard amount > .zero, months > 0 else {
          throw .invalid("credits need a positive amount and months to expiry")
        }
        guard unitPrice > .zero else {
          throw .invalid("credits need the cash price of compute (--gpu-hour-price)")
        }
        let bought = amount / unitPrice
        let usable = min(bought, company.runway.monthlyComputeUnits * Ratio(months))
        let runway = Self.runway(company.runway, units: bought, months: months)
        return Outcome(
          name: "credits", amount: amount, coversNeed: amount >= need, newShares: .zero,
          foundersDilution: .zero, investorFullyDiluted: .zero, postMoney: nil,
          computeUnits: bought, runwayMonths: runway, valueToday: usable * unitPrice,
          valueAfterDrop: usable * unitPrice,
          liquidity: "none: compute only, expires after \(months) months",
          providerFullyDiluted: nil, providerVoting: nil,
          providerComputeShare: share(usable, company.runway, runway))
      case .tokens(let tokens, let agreed, let stake):
        let investment = tokens.ratio * agreed
        guard investment > .zero else { throw .invalid("a token offer needs tokens and a price") }
        let percent: Ratio
        switch stake {
        case .percent(let p): percent = p
        case .preMoney(let pre): percent = investment / (pre + investment)
        }
        guard percent > .zero, percent < .one else {
          throw .invalid("the token offer's stake must be between 0% and 100%")
        }
        let shares = percent * f / (.one - percent)
        let units = tokens.ratio * unitsPerToken
        let runway = Self.runway(company.runway, units: units)
        let value = tokens.ratio * marketPrice
        let votes = company.votingShares + shares
        return Outcome(
          name: "tokens", amount: investment, coversNeed: investment >= need, newShares: shares,
          foundersDilution: percent, investorFullyDiluted: percent,
          postMoney: investment / percent, computeUnits: units, runwayMonths: runway,
          valueToday: value, valueAfterDrop: value * (.one - drop),
          liquidity: "partial: unlocked tokens sell on the secondary market",
          providerFullyDiluted: (company.providerShares.ratio + shares) / (f + shares),
          providerVoting: votes > .zero ? (company.providerVotes + shares) / votes : nil,
          providerComputeShare: share(units, company.runway, runway))
      }
    }
  }

  /// Runway month by month (`RunwayProjection`, the one runway of the tool) with `cash` added
  /// to the cash on hand and `units` of compute available at once from the start, usable for
  /// `months` months (nil: no expiry). Only the runway is read, so the months are counted from
  /// an arbitrary first day. nil: past the projection's horizon, or nothing spent.
  public static func runway(
    _ inputs: RunwayInputs, cash: Ratio = .zero, units: Ratio = .zero, months: Int? = nil
  ) -> Ratio? {
    var inputs = inputs
    inputs.cash += cash
    let supplies =
      units > .zero
      ? [RunwayProjection.Supply.credits("offer", amount: units, unitPrice: .one, months: months)]
      : []
    return RunwayProjection(
      inputs, supplies: supplies, start: CalendarDate(daysSinceEpoch: 0), policy: .redeem
    ) { _, _ in .zero }.runway
  }

  /// Months of compute `units` cover, over the runway, at most 1.
  static func share(_ units: Ratio, _ inputs: RunwayInputs, _ runway: Ratio?) -> Ratio? {
    guard inputs.monthlyComputeUnits > .zero else { return nil }
    let months = units / inputs.monthlyComputeUnits
    guard let runway, runway > .zero else { return .one }
    return min(.one, months / runway)
  }
}
