import CapstanEngine
import CapstanModel
import CapstanScenarios
import Foundation
import Testing

@Suite("Scenario files: compute tokens")
struct ScenarioTokenTests {
  static var fixture: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/scenarios/compute-tokens.yaml")
      .path
  }

  /// The fixture's round is acceptance line 1: the token investor counts at 1,500,000 × $2.00;
  /// price $1.7333, pool increase 384,616, 1,730,802 shares each, 13,846,220 after.
  @Test func tokenInvestorsCountAtTheAgreedValue() throws {
    let scenario = try ScenarioReader.read(path: Self.fixture)
    #expect(scenario.tokens.map(\.symbol) == ["H100H"])
    #expect(scenario.tokenPrices.count == 3)
    #expect(scenario.computeGrants.first?.terms.tokens == 100_000)
    guard case .round(let round)? = scenario.events.first else {
      Issue.record("expected a round")
      return
    }
    #expect(round.tokenInvestments.first?.amount == Ratio(3_000_000))
    // The 24/6/1 unlock starts on the closing date.
    if case .vesting(let schedule)? = round.tokenInvestments.first?.unlock {
      #expect(schedule.start == CalendarDate(iso: "2026-06-01"))
    } else {
      Issue.record("expected a time-based unlock")
    }
    guard case .round(_, let result)? = try scenario.evaluate().steps.first else {
      Issue.record("expected a round step")
      return
    }
    #expect(result.price.rounded == Ratio(17_333, 10_000))
    #expect(result.pool.increase == 384_616)
    #expect(result.investors.map(\.shares) == [1_730_802, 1_730_802])
    #expect(result.postMoneyFullyDiluted == 13_846_220)
  }

  /// Applied to a workspace, the round records ComputeCo's grant linked to its shares (in
  /// step), and the price-gated grant unlocks when $2.90 (2027-07-01) passes its $2.80 target.
  @Test func applyRecordsTheGrants() throws {
    let scenario = try ScenarioReader.read(path: Self.fixture)
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in try ScenarioApplier.apply(scenario, to: &draft) }
    let date = try #require(CalendarDate(iso: "2027-07-15"))
    let table = try workspace.ledger(for: company.id).replay(asOf: date)
    let values = try workspace.tokenMarket().valuations(of: table, asOf: date)
    #expect(values.map(\.balances.unlocked) == [812_500, 100_000])
    #expect(values.first?.releasedShares == 937_517)
    #expect(values.first?.grant.equity?.release == .inStep)
  }

  @Test func badTokenTermsNameTheKey() {
    let text = """
      company: {name: X}
      tokens:
        - {symbol: T, issuer: P}
      compute-grants:
        - provider: P
          symbol: T
          tokens: 10
          agreed: 1
          date: 2026-01-01
          price-gates: [{tokens: 10, target: 2}]
      """
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioReader.parse(text, file: "t.yaml")
    }
    #expect(error?.description.contains("compute-grants[0].gate-end: is required") == true)
  }
}
