import CapstanEngine
import CapstanModel
import CapstanScenarios
import Testing

@Suite("Scenario files: vesting terms and vesting events")
struct ScenarioVestingTests {
  static let text = """
    company:
      name: Vest Co
      incorporated: 2025-01-01
    holdings:
      - holder: Founders
        shares: 9,000,000
        stock-vesting: 48/12/1
      - holder: Eve
        options: 100,000
        vesting:
          schedule: 48/12/1
          acceleration: double:12
      - holder: Rae
        options: 10,000
        vesting:
          start: 2025-03-01
          schedule: 24/0/6
          tranches:
            - {date: 2025-09-01, amount: 2500}
          milestones:
            - {name: FDA approval, amount: 40%}
    pool: 890,000
    tokens:
      - {symbol: H100H, issuer: ComputeCo, unit: H100-hour}
    compute-grants:
      - provider: ComputeCo
        symbol: H100H
        tokens: 1,000,000
        agreed: 2.00
        date: 2026-06-01
        unlock:
          schedule: 12/3/3
          tranches: "2026-09-15:100000,2027-01-01:20%"
          milestones: ["cluster live:30%"]
    events:
      - change-of-control: {date: 2026-06-15, note: sold}
      - termination: {holder: Eve, date: 2026-09-01, without-cause: true}
      - milestone: {name: FDA approval, date: 2026-01-10, holder: Rae}
      - milestone: {name: cluster live, date: 2027-02-01, security: CG-1}
    """

  /// `capstan apply` grants on the terms and records the events.
  ///
  /// - Founders: 9,000,000 restricted, 48/12/1 from 2025-01-01: on 2026-09-01, 20 months,
  ///   ⌊9,000,000 × 20 ÷ 48⌋ = 3,750,000.
  /// - Eve: 100,000, 48/12/1, double trigger 12 months; change of control 2026-06-15, fired
  ///   without cause 2026-09-01 (inside the window): ⌊100,000 × 20 ÷ 48⌋ = 41,666 scheduled,
  ///   the 58,334 unvested accelerate: 100,000.
  /// - Rae: 10,000 from 2025-03-01: tranche 2,500 (2025-09-01), milestone 40 % = 4,000
  ///   (reached 2026-01-10), the other 3,500 over 24/0/6; on 2026-09-01, 18 months:
  ///   3,500 × 18 ÷ 24 = 2,625; 2,500 + 4,000 + 2,625 = 9,125.
  /// - CG-1: 1,000,000 tokens; tranches 100,000 and 20 % = 200,000; milestone 30 % (50 %
  ///   cumulative = 500,000 − 200,000 = 300,000); the other 400,000 over 12/3/3 from
  ///   2026-06-01. On 2027-02-01, 8 months (point 6): 200,000 + 300,000 + 300,000 = 800,000;
  ///   the day before, without the milestone, 500,000.
  @Test func applyGrantsOnTheTermsAndRecordsTheEvents() throws {
    let scenario = try ScenarioReader.parse(Self.text, file: "v.yaml")
    #expect(scenario.holdingVesting.map(\.holding) == [0, 1, 2])
    #expect(scenario.events.count == 4)
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in try ScenarioApplier.apply(scenario, to: &draft) }
    let ledger = try workspace.ledger(for: company.id)
    let september = try ledger.replay(asOf: day("2026-09-01"))
    #expect(september.stock["CS-1"]?.vested(asOf: day("2026-09-01")) == 3_750_000)
    #expect(september.options["OP-1"]?.vested(asOf: day("2026-09-01")) == 100_000)
    #expect(september.options["OP-2"]?.vested(asOf: day("2026-09-01")) == 9_125)
    for (date, unlocked) in [("2027-01-31", 500_000), ("2027-02-01", 800_000)] as [(String, Int64)]
    {
      let table = try ledger.replay(asOf: day(date))
      let position = try #require(table.computeGrants["CG-1"])
      #expect(
        position.balances(asOf: day(date), prices: TokenPriceSeries()).unlocked
          == TokenAmount(unlocked))
    }
    // The round maths ignore the vesting events.
    #expect(try scenario.evaluate().steps.isEmpty)
  }

  /// A token investment's `unlock` mapping starts on the closing date and resolves its
  /// percentages against the investor's own tokens: 1,500,000 × 20 % = 300,000 on the
  /// milestone, the other 1,200,000 over 24/6/1 from 2026-06-01.
  @Test func tokenInvestmentUnlockTermsStartAtTheClosing() throws {
    let text = """
      company: {name: T}
      holdings:
        - {holder: Founders, shares: 9000000}
      tokens:
        - {symbol: H100H, issuer: ComputeCo}
      events:
        - round:
            date: 2026-06-01
            pre-money: 18M
            invest-tokens:
              ComputeCo:
                tokens: 1500000
                agreed: 2.00
                symbol: H100H
                unlock:
                  schedule: 24/6/1
                  milestones: ["cluster live:20%"]
      """
    let scenario = try ScenarioReader.parse(text, file: "t.yaml")
    guard case .round(let round)? = scenario.events.first,
      case .terms(let terms)? = round.tokenInvestments.first?.unlock
    else {
      Issue.record("expected a round with a vesting-terms unlock")
      return
    }
    #expect(terms.start == day("2026-06-01"))
    #expect(terms.milestones == [VestingMilestone(name: "cluster live", amount: 300_000)])
    #expect(terms.basis == 1_500_000)
    #expect(terms.scheduled(of: 1_500_000, asOf: day("2026-12-01")) == 300_000)
  }

  /// A bad value inside a vesting mapping names its key and line.
  @Test(
    arguments: [
      (
        "acceleration: double:12", "acceleration: sometimes",
        "holdings[1].vesting.acceleration: cannot read 'sometimes'", 12
      ),
      (
        "- {date: 2025-09-01, amount: 2500}", "- {date: 2025-09-01, amount: 20000}",
        "holdings[2].vesting.schedule: the tranches and milestones add up to 24,000", 16
      ),
      (
        "milestones: [\"cluster live:30%\"]", "acceleration: single",
        "unknown key 'acceleration'", 34
      ),
    ] as [(String, String, String, Int)])
  func badTermsNameTheKey(original: String, replacement: String, message: String, line: Int) {
    let text = Self.text.replacingOccurrences(of: original, with: replacement)
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioReader.parse(text, file: "v.yaml")
    }
    #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    #expect(error?.line == line, "\(String(describing: error))")
  }
}

func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso) ?? .today() }
