import CapstanEngine
import CapstanModel

extension Scenario {
  /// The scenario evaluated in full: rounds and issuances (`evaluate()`), each exit's waterfall
  /// on the ledger the events before it write, and the compute grants valued on the last date.
  public func evaluatedInFull() throws -> EvaluatedScenario {
    let steps = try evaluate().steps.map { step -> EvaluatedScenario.Step in
      switch step {
      case .round(let name, let result): return .round(name: name, result: result)
      case .issue(let holder, let shares, let date, let total):
        return .issue(holder: holder, shares: shares, date: date, fullyDilutedAfter: total)
      case .exit(let exit, let index):
        let (distribution, table) = try exit.distribution(in: self, afterEvents: index)
        return .exit(date: exit.date, distribution: distribution, table: table)
      }
    }
    return EvaluatedScenario(
      company: company, currency: currency, steps: steps, tokens: try tokenValuations())
  }

  /// The compute grants, valued on the scenario's last date (of an event, a grant or a
  /// price) on the ledger the scenario writes in memory; nil when it has no tokens.
  func tokenValuations() throws -> EvaluatedScenario.Tokens? {
    guard hasTokens else { return nil }
    var dated = self
    var dates = tokenPrices.map(\.date) + computeGrants.map(\.date)
    for event in events {
      switch event {
      case .round(let round): dates.append(round.date)
      case .issue(_, _, let date): dates.append(date)
      case .exit(let exit): dates.append(exit.date)
      case .vesting(let event): dates.append(event.date)
      }
    }
    if dated.incorporated == nil {
      dated.incorporated = (dates + safes.compactMap(\.issued) + notes.map(\.issued)).min()
    }
    guard let last = dates.max() else { return nil }
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in try ScenarioApplier.apply(dated, to: &draft) }
    let table = try workspace.ledger(for: company.id).replay(asOf: last)
    return EvaluatedScenario.Tokens(
      company: company, table: table,
      valuations: try workspace.tokenMarket().valuations(of: table, asOf: last))
  }
}
