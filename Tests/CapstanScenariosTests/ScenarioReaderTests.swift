import CapstanEngine
import CapstanModel
import CapstanScenarios
import Testing

@Suite("Scenario files")
struct ScenarioReaderTests {
  static let minimal = """
    company:
      name: Example Co
    holdings:
      - holder: Founders
        shares: 8,000,000
    pool: 1,000,000
    events:
      - round:
          name: Seed
          date: 2026-03-01
          price: 1.00
          invest:
            Lead: 1M
    """

  /// A stated $1.00 price: the lead's $1,000,000 buys 1,000,000 shares; 10,000,000 after.
  @Test func readsAndEvaluatesAMinimalScenario() throws {
    let scenario = try ScenarioReader.parse(Self.minimal, file: "s.yaml")
    #expect(scenario.company == "Example Co")
    #expect(scenario.pool == Shares(1_000_000))
    let outcome = try scenario.evaluate()
    guard case .round(let name, let result)? = outcome.steps.first else {
      Issue.record("expected a round")
      return
    }
    #expect(name == "Seed")
    #expect(result.investors.first?.shares == Shares(1_000_000))
    #expect(result.postMoneyFullyDiluted == Shares(10_000_000))
    #expect(outcome.final.fullyDilutedShares == Shares(10_000_000))
  }

  @Test func unknownKeysNameTheLineAndTheKey() {
    // "poool" lands on line 7, after "pool" on line 6.
    let text = Self.minimal.replacingOccurrences(
      of: "pool: 1,000,000", with: "pool: 1,000,000\npoool: 3")
    #expect {
      _ = try ScenarioReader.parse(text, file: "s.yaml")
    } throws: { error in
      let failure = error as? ScenarioError
      return failure?.line == 7 && failure?.description.contains("unknown key 'poool'") == true
        && failure?.description.hasPrefix("s.yaml:7") == true
    }
  }

  @Test(arguments: [
    ("    shares: 8,000,000", "    shares: 8abc", "holdings[0].shares", 5),
    ("      price: 1.00", "      price: cheap", "events[0].round.price", 11),
    ("      date: 2026-03-01", "      date: 2026-02-30", "events[0].round.date", 10),
  ])
  func badValuesNameTheLineAndTheKey(original: String, replacement: String, key: String, line: Int)
  {
    let text = Self.minimal.replacingOccurrences(of: original, with: replacement)
    #expect {
      _ = try ScenarioReader.parse(text, file: "s.yaml")
    } throws: { error in
      let failure = error as? ScenarioError
      return failure?.key == key && failure?.line == line
    }
  }

  @Test func aRoundNeedsExactlyOneValuation() {
    let text = Self.minimal.replacingOccurrences(
      of: "      price: 1.00", with: "      price: 1.00\n      pre-money: 9M")
    #expect(throws: ScenarioError.self) { _ = try ScenarioReader.parse(text, file: "s.yaml") }
  }

  @Test func jsonIsReadToo() throws {
    let json = """
      {"company": {"name": "J"}, "holdings": [{"holder": "F", "shares": "900"}], "pool": "100",
       "events": [{"issue": {"holder": "A", "shares": "50", "date": "2026-01-01"}}]}
      """
    let outcome = try ScenarioReader.parse(json, file: "s.json").evaluate()
    // 900 + 100 pool + 50 issued.
    #expect(outcome.final.fullyDilutedShares == Shares(1_050))
  }
}
