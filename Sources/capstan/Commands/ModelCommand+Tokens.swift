import CapstanEngine
import CapstanModel
import CapstanReports
import CapstanScenarios

extension ModelCommand {
  /// The scenario's compute grants, valued on its last date (of an event, a grant or a price),
  /// on the ledger the scenario writes in memory; nil when it has no tokens.
  static func tokens(_ scenario: Scenario) throws -> (
    text: String, json: JSON
  )? {
    guard scenario.hasTokens else { return nil }
    var dated = scenario
    var dates = scenario.tokenPrices.map(\.date) + scenario.computeGrants.map(\.date)
    for event in scenario.events {
      switch event {
      case .round(let round): dates.append(round.date)
      case .issue(_, _, let date): dates.append(date)
      case .exit(let exit): dates.append(exit.date)
      case .vesting(let event): dates.append(event.date)
      }
    }
    if dated.incorporated == nil {
      dated.incorporated =
        (dates + scenario.safes.compactMap(\.issued) + scenario.notes.map(\.issued)).min()
    }
    guard let last = dates.max() else { return nil }
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in try ScenarioApplier.apply(dated, to: &draft) }
    let table = try workspace.ledger(for: company.id).replay(asOf: last)
    let valuations = try workspace.tokenMarket().valuations(of: table, asOf: last)
    let (header, rows) = TokensOutput.columns(valuations, table: table)
    return (
      TokensOutput.render(valuations, table: table, company: company, format: .text),
      .object([
        ("as_of", .string(last.iso)), ("grants", TokensOutput.grantsJSON(header, rows)),
      ])
    )
  }
}
