import CapstanEngine
import CapstanModel

extension ScenarioExit {
  /// The waterfall at this exit, on the ledger the scenario's first `eventCount` events write
  /// (applied to an in-memory workspace, so the rounds' classes and preferences are there).
  public func distribution(in scenario: Scenario, afterEvents eventCount: Int) throws
    -> (distribution: WaterfallDistribution, table: CapTable)
  {
    var dated = scenario
    if dated.incorporated == nil {
      let dates = scenario.safes.compactMap(\.issued) + scenario.notes.map(\.issued) + [date]
      dated.incorporated = dates.min()
    }
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in
      try ScenarioApplier.apply(dated, to: &draft, eventsThrough: eventCount)
    }
    let table = try workspace.ledger(for: company.id).replay(asOf: date)
    let capitalization = WaterfallCapitalization(
      table, convertibles: try OutstandingConvertible.outstanding(in: table, on: date))
    let waterfall = try Waterfall(
      capitalization, options: exerciseOptions ? .exercisedWhenInTheMoney : .exclude,
      deductions: ExitDeductions(transactionExpenses: expenses))
    return (try waterfall.distribution(at: value), table)
  }
}
