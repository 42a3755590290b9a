import CapstanEngine
import CapstanModel

/// Everything a term sheet is rendered from: the company, the modelled round and its terms,
/// the SAFEs and notes it converts, and an optional compute-for-equity deal.
///
/// Built by the CLI from a saved round, a closed round or a scenario file; the numbers all come
/// from the engine's `RoundResult`, never from the template.
public struct TermSheetDeal: Sendable {
  /// The company's name.
  public var company: String
  /// The company's currency.
  public var currency: Currency
  /// The round's name ("Series A", "Seed").
  public var roundName: String
  /// The engine's result for the round.
  public var result: RoundResult
  /// The new class's charter terms.
  public var newClass: NewClassTerms
  /// Anti-dilution adjustments the round triggers in existing classes.
  public var antiDilution: [ClassAntiDilution]
  /// Seniority ranks of the preferred classes before the round.
  public var existingPreferredRanks: [Int]
  /// The SAFEs outstanding before the round (they convert in it).
  public var safes: [SAFE]
  /// The compute-for-equity terms, when a token provider invests in the round.
  public var compute: ComputeEquityTerms?
  /// The compute-for-equity terms of every token investor of the round, in the round's order
  /// (token investors come last among its investors): the round-level sheet's token section.
  public var tokenLegs: [ComputeEquityTerms] = []
  /// Whether the round is already closed in the ledger.
  public var closed: Bool
  /// Which class the SAFEs and notes convert into (the company's setting).
  public var conversionSeries: ConversionSeries = .subSeries
  /// The compute-SAFEs on the ledger at the closing, by id (`safes` holds those that convert).
  public var computeSAFEs: [SecurityID: ComputeSAFEPosition] = [:]
  /// The revenue-share credits granted with the round (recorded on its closing date).
  public var revenueShares: [RevenueShare] = []

  /// A deal.
  public init(
    company: String, currency: Currency, roundName: String, result: RoundResult,
    newClass: NewClassTerms, antiDilution: [ClassAntiDilution] = [],
    existingPreferredRanks: [Int] = [], safes: [SAFE] = [], compute: ComputeEquityTerms? = nil,
    closed: Bool = false
  ) {
    self.company = company
    self.currency = currency
    self.roundName = roundName
    self.result = result
    self.newClass = newClass
    self.antiDilution = antiDilution
    self.existingPreferredRanks = existingPreferredRanks
    self.safes = safes
    self.compute = compute
    self.closed = closed
  }
}

/// A compute-for-equity deal: a GPU provider pays for shares of the round with compute tokens.
///
/// The investment is tokens × the agreed token price (whatever the market price), and it buys
/// shares at the round price like cash; the tokens are delivered on a schedule and the shares
/// are issued at closing or released in step with delivery.
public struct ComputeEquityTerms: Sendable, Hashable {
  /// The token: what one token is redeemable for, and who issues it.
  public struct Token: Sendable, Hashable {
    /// The token's symbol ("H100H").
    public var symbol: String
    /// The unit of compute one unit is ("H100-hour").
    public var unit: String
    /// The GPU type ("NVIDIA H100 80GB").
    public var gpuType: String
    /// Units of compute per token.
    public var unitsPerToken: Ratio
    /// Who issues the token and honours redemptions.
    public var issuer: String

    /// A token.
    public init(symbol: String, unit: String, gpuType: String, unitsPerToken: Ratio, issuer: String)
    {
      self.symbol = symbol
      self.unit = unit
      self.gpuType = gpuType
      self.unitsPerToken = unitsPerToken
      self.issuer = issuer
    }
  }

  /// When the shares are issued.
  public enum EquityRelease: Sendable, Hashable {
    /// All at closing.
    case atClosing
    /// floor(shares × delivered ÷ total) as the tokens are delivered.
    case inStepWithDelivery
  }

  /// A top-up if the token's market price falls more than a threshold.
  public struct PriceVolatility: Sendable, Hashable {
    /// The fall that triggers it (0.5 for 50 %).
    public var threshold: Ratio
    /// How the price is measured ("the 30-day average market price").
    public var measurement: String
    /// What the provider does ("delivers top-up tokens so that the value ...").
    public var remedy: String

    /// A provision.
    public init(threshold: Ratio, measurement: String, remedy: String) {
      self.threshold = threshold
      self.measurement = measurement
      self.remedy = remedy
    }
  }

  /// How the tokens are delivered.
  public enum Delivery: Sendable, Hashable {
    /// On a schedule: a cliff, then every few months, cumulative floor.
    case schedule(DeliverySchedule)
    /// All at closing.
    case atClosing(CalendarDate)
    /// Tranches released when the market price first reaches their target from `start`, and
    /// whatever is left on `end`.
    case priceGated(start: CalendarDate, tranches: [PriceGatedTranche], end: CalendarDate)
    /// On the vesting engine's terms, in tokens: a months or days schedule, dated tranches,
    /// and milestone tranches delivered when the milestone is reached.
    case terms(VestingTerms)
  }

  /// Tokens released when the market price reaches a target.
  public struct PriceGatedTranche: Sendable, Hashable {
    /// Tokens in the tranche.
    public var tokens: Ratio
    /// The market price per token that releases it.
    public var target: Ratio

    /// A tranche.
    public init(tokens: Ratio, target: Ratio) {
      self.tokens = tokens
      self.target = target
    }
  }

  /// The investing provider's name (an investor of the round).
  public var provider: String
  /// The token.
  public var token: Token
  /// Tokens given.
  public var tokens: Ratio
  /// The agreed price per token.
  public var agreedTokenPrice: Ratio
  /// How the tokens are delivered.
  public var delivery: Delivery
  /// When the shares are issued.
  public var equityRelease: EquityRelease
  /// Tokens not redeemed by this date expire.
  public var expiry: CalendarDate?
  /// The market price on the term sheet's date, when known.
  public var marketPrice: Ratio?
  /// The price-volatility provision, when the deal has one.
  public var priceVolatility: PriceVolatility?
  /// The event on which undelivered tokens are clawed back, when the deal names one.
  public var clawbackOn: String?
  /// The provider's line in the round's investors (`RoundResult.investors`), when the terms come
  /// from the round's own token investment; nil for terms built by hand, whose provider is
  /// found by name.
  public var investorLine: Int?

  /// Terms.
  public init(
    provider: String, token: Token, tokens: Ratio, agreedTokenPrice: Ratio,
    delivery: Delivery, equityRelease: EquityRelease = .inStepWithDelivery,
    expiry: CalendarDate? = nil, marketPrice: Ratio? = nil,
    priceVolatility: PriceVolatility? = nil
  ) {
    self.provider = provider
    self.token = token
    self.tokens = tokens
    self.agreedTokenPrice = agreedTokenPrice
    self.delivery = delivery
    self.equityRelease = equityRelease
    self.expiry = expiry
    self.marketPrice = marketPrice
    self.priceVolatility = priceVolatility
  }

  /// The investment the tokens stand for: tokens × agreed price.
  public var investment: Ratio { tokens * agreedTokenPrice }
}

/// A delivery schedule of tokens: over `months` from `start`, nothing before the cliff, then
/// every `frequencyMonths`, cumulative floor (delivered(m) = floor(total × m ÷ months)).
///
/// The same rule as DESIGN.md's vesting; the compute-token branch's unlock schedule is the
/// general form (milestones, price gates), and replaces this when it lands.
public struct DeliverySchedule: Sendable, Hashable {
  /// The first day of the schedule.
  public var start: CalendarDate
  /// Total length in months.
  public var months: Int
  /// Months before the first delivery (the cliff delivers everything accrued by then).
  public var cliffMonths: Int
  /// Months between deliveries after the cliff (1 monthly, 3 quarterly).
  public var frequencyMonths: Int

  /// A schedule.
  public init(start: CalendarDate, months: Int, cliffMonths: Int = 0, frequencyMonths: Int = 1) {
    self.start = start
    self.months = months
    self.cliffMonths = cliffMonths
    self.frequencyMonths = frequencyMonths
  }

  /// One delivery: its date and cumulative amounts.
  public struct Tranche: Sendable, Hashable {
    /// The delivery date.
    public var date: CalendarDate
    /// Months since the start.
    public var month: Int
    /// Units delivered on the date.
    public var delivered: Ratio
    /// Units delivered up to and including the date.
    public var cumulative: Ratio
  }

  /// The deliveries of `total` units, whole units, cumulative floor; the last one completes it.
  public func tranches(of total: Ratio) -> [Tranche] {
    guard months > 0 else {
      return [Tranche(date: start, month: 0, delivered: total, cumulative: total)]
    }
    var result: [Tranche] = []
    var previous = Ratio.zero
    var month = max(cliffMonths, min(frequencyMonths, months))
    while true {
      let cumulative = Ratio((total * Ratio(Int64(month), Int64(months))).floor)
      if cumulative > previous || month == months {
        result.append(
          Tranche(
            date: start.adding(months: month), month: month, delivered: cumulative - previous,
            cumulative: cumulative))
        previous = cumulative
      }
      if month >= months { break }
      month = min(months, month + max(1, frequencyMonths))
    }
    return result
  }
}
