import CapstanModel

/// A what-if, evaluated without a workspace: a starting capitalization, the SAFEs and notes
/// outstanding, and an ordered list of events (priced rounds, plain issuances).
///
/// Read from a YAML or JSON file by `CapstanScenarios.ScenarioReader`; see
/// docs/scenario-format.md.
public struct Scenario: Sendable, Hashable {
  /// The company's name.
  public var company: String
  /// The currency amounts are in.
  public var currency: Currency
  /// The date of incorporation (needed to write the scenario into a workspace).
  public var incorporated: CalendarDate?
  /// How the deal documents round.
  public var rounding: RoundingPolicy
  /// Holdings before the first event.
  public var holdings: [PreRoundCapitalization.Holding]
  /// The unissued pool before the first event.
  public var pool: Shares
  /// SAFEs outstanding; they convert in the first priced round.
  public var safes: [SAFE]
  /// Convertible notes outstanding; they convert in the first priced round.
  public var notes: [ConvertibleNote]
  /// What happens, in order.
  public var events: [ScenarioEvent]
  /// Compute tokens the scenario defines.
  public var tokens: [ScenarioToken] = []
  /// Their market prices.
  public var tokenPrices: [TokenPriceMark] = []
  /// Compute grants outside rounds.
  public var computeGrants: [ScenarioComputeGrant] = []
  /// Vesting of the holdings' options and stock, where the file states it.
  public var holdingVesting: [ScenarioHoldingVesting] = []

  /// A scenario.
  public init(
    company: String, currency: Currency = .usd, rounding: RoundingPolicy = .standard,
    holdings: [PreRoundCapitalization.Holding], pool: Shares = .zero, safes: [SAFE] = [],
    notes: [ConvertibleNote] = [], events: [ScenarioEvent]
  ) {
    self.company = company
    self.currency = currency
    self.rounding = rounding
    self.holdings = holdings
    self.pool = pool
    self.safes = safes
    self.notes = notes
    self.events = events
  }
}

/// One step of a scenario.
public enum ScenarioEvent: Sendable, Hashable {
  /// A priced round.
  case round(ScenarioRound)
  /// Shares issued to a holder outside a round (a hire, an advisor).
  case issue(holder: String, shares: Shares, date: CalendarDate)
  /// An exit: the waterfall at this point of the scenario.
  case exit(ScenarioExit)
  /// A change of control, termination or milestone (no effect on the round maths; `capstan
  /// apply` records it, and vesting, compute-grant unlocks and exits see it).
  case vesting(ScenarioVestingEvent)
}

/// An exit in a scenario: who gets what, given the classes and preferences the rounds so far
/// created.
public struct ScenarioExit: Sendable, Hashable {
  /// The exit value.
  public var value: Ratio
  /// Transaction expenses deducted first.
  public var expenses: Ratio
  /// Whether options in the money are treated as exercised (else left out).
  public var exerciseOptions: Bool
  /// The date (options vest and notes accrue to it).
  public var date: CalendarDate

  /// An exit.
  public init(
    value: Ratio, expenses: Ratio = .zero, exerciseOptions: Bool = true, date: CalendarDate
  ) {
    self.value = value
    self.expenses = expenses
    self.exerciseOptions = exerciseOptions
    self.date = date
  }
}

/// A priced round in a scenario: everything `RoundInput` needs but the capitalization, which
/// comes from the steps before it.
public struct ScenarioRound: Sendable, Hashable {
  /// The round's name ("Series A").
  public var name: String
  /// The closing date.
  public var date: CalendarDate
  /// Pre-money, post-money or price per share.
  public var valuation: Valuation
  /// The new investors.
  public var investors: [Investor]
  /// The pool increase.
  public var pool: PoolTopUp
  /// The shares the pre-money is divided over.
  public var pricingBasis: PricingBasis
  /// Pro rata elections.
  public var proRata: [ProRataElection]
  /// Investors paying in compute tokens at an agreed price.
  public var tokenInvestments: [TokenInvestment] = []

  /// A round.
  public init(
    name: String, date: CalendarDate, valuation: Valuation, investors: [Investor],
    pool: PoolTopUp = .none, pricingBasis: PricingBasis = .includingConversions,
    proRata: [ProRataElection] = []
  ) {
    self.name = name
    self.date = date
    self.valuation = valuation
    self.investors = investors
    self.pool = pool
    self.pricingBasis = pricingBasis
    self.proRata = proRata
  }
}
