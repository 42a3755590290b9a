import CapstanModel

/// A scenario file evaluated in full: each event's outcome (an exit's waterfall on the
/// ledger the events before it write) and its compute grants valued on its last date.
public struct EvaluatedScenario: Sendable {
  /// One event's outcome.
  public enum Step: Sendable {
    /// A priced round.
    case round(name: String, result: RoundResult)
    /// An issuance, with the fully diluted shares after it.
    case issue(holder: String, shares: Shares, date: CalendarDate, fullyDilutedAfter: Shares)
    /// An exit: its distribution and the cap table it was paid on.
    case exit(date: CalendarDate, distribution: WaterfallDistribution, table: CapTable)
  }

  /// Compute grants valued on the scenario's last date.
  public struct Tokens: Sendable {
    /// The company the scenario writes.
    public var company: Company
    /// The cap table on the last date.
    public var table: CapTable
    /// The grants, valued on that date.
    public var valuations: [ComputeGrantValuation]

    /// Grants valued on `table`'s date.
    public init(company: Company, table: CapTable, valuations: [ComputeGrantValuation]) {
      self.company = company
      self.table = table
      self.valuations = valuations
    }
  }

  /// The scenario's company name.
  public var company: String
  /// Its currency.
  public var currency: Currency
  /// The events' outcomes, in order.
  public var steps: [Step]
  /// The compute grants (nil when the scenario has no tokens).
  public var tokens: Tokens?

  /// An evaluated scenario.
  public init(company: String, currency: Currency, steps: [Step], tokens: Tokens?) {
    self.company = company
    self.currency = currency
    self.steps = steps
    self.tokens = tokens
  }
}
