import CapstanModel
import Foundation
import PropertyBased
import Testing

/// Compute grants that unlock on the vesting engine's terms (`UnlockSchedule.terms`).
@Suite("Compute grants: unlocks on vesting terms (tranches, milestones)")
struct ComputeGrantTermsTests {
  /// 900,000 tokens from 2026-01-01: a dated tranche of 100,000 on 2026-04-15, one of 20 %
  /// (180,000) on 2026-09-01, a milestone "cluster live" of 30 % (cumulative 50 % = 450,000,
  /// less the 180,000 = 270,000), and the rest, 900,000 − 100,000 − 180,000 − 270,000 =
  /// 350,000, quarterly over 12 months with a 3-month cliff: 87,500 / 175,000 / 262,500 /
  /// 350,000 on 2026-04-01, 07-01, 10-01, 2027-01-01.
  static func terms() throws -> VestingTerms {
    let input = VestingTermsInput(
      months: "12/3/3", tranches: "2026-04-15:100,000,2026-09-01:20%",
      milestones: ["cluster live:30%"])
    return try #require(
      try input.terms(quantity: 900_000, start: day("2026-01-01")) { "\($0)" })
  }

  /// Through the ledger, with the provider's 2,400 shares (CS-1) released in step:
  /// floor(2,400 × unlocked ÷ 900,000). The milestone is recorded on 2026-11-10 for CG-1.
  ///
  /// - 2026-03-31: nothing (the cliff is 2026-04-01).
  /// - 2026-04-01: 87,500 → ⌊2,400 × 87,500 ÷ 900,000⌋ = ⌊233.3⌋ = 233.
  /// - 2026-04-15: 87,500 + 100,000 = 187,500 → 500.
  /// - 2026-09-01: 175,000 + 100,000 + 180,000 = 455,000 → ⌊1,213.3⌋ = 1,213.
  /// - 2026-11-09: 262,500 + 280,000 = 542,500 → ⌊1,446.7⌋ = 1,446.
  /// - 2026-11-10: + 270,000 = 812,500 → ⌊2,166.7⌋ = 2,166.
  /// - 2027-01-01: 900,000 → 2,400.
  @Test(
    arguments: [
      ("2026-03-31", 0, 0), ("2026-04-01", 87_500, 233), ("2026-04-15", 187_500, 500),
      ("2026-09-01", 455_000, 1_213), ("2026-11-09", 542_500, 1_446),
      ("2026-11-10", 812_500, 2_166), ("2027-01-01", 900_000, 2_400),
    ] as [(String, Int64, Int64)])
  func tranchesAndMilestoneReleaseSharesInStep(date: String, unlocked: Int64, shares: Int64)
    throws
  {
    let fixture = try TokenFixture()
    try fixture.grant(
      WorkspaceDraft.ComputeGrantTerms(
        provider: "ComputeCo", symbol: "H100H", tokens: 900_000, agreedPrice: .one,
        unlock: .terms(try Self.terms()), equity: ("CS-1", .inStep)),
      on: "2026-01-01")
    try fixture.workspace.write { draft in
      _ = try draft.recordMilestone(
        "Cluster Live", holder: nil, security: "CG-1", date: day("2026-11-10"),
        company: fixture.company)
    }
    let table = try fixture.workspace.ledger(for: fixture.company).replay(asOf: day(date))
    let position = try #require(table.computeGrants["CG-1"])
    let prices = try fixture.workspace.tokenMarket().prices("H100H")
    #expect(position.balances(asOf: day(date), prices: prices).unlocked == TokenAmount(unlocked))
    #expect(position.releasedShares(asOf: day(date), prices: prices) == Shares(shares))
  }

  /// Without the milestone, the grant stops at 900,000 − 270,000 = 630,000 tokens and
  /// ⌊2,400 × 630,000 ÷ 900,000⌋ = 1,680 shares; a milestone named for the provider (no
  /// security) reaches it too, and one nobody's terms name is refused.
  @Test func milestoneScopes() throws {
    let fixture = try TokenFixture()
    try fixture.grant(
      WorkspaceDraft.ComputeGrantTerms(
        provider: "ComputeCo", symbol: "H100H", tokens: 900_000, agreedPrice: .one,
        unlock: .terms(try Self.terms()), equity: ("CS-1", .inStep)),
      on: "2026-01-01")
    #expect(try fixture.balances(on: "2030-01-01").unlocked == 630_000)
    #expect(throws: (any Error).self) {
      try fixture.workspace.write { draft in
        _ = try draft.recordMilestone(
          "first light", holder: nil, security: nil, date: day("2027-02-01"),
          company: fixture.company)
      }
    }
    try fixture.workspace.write { draft in
      _ = try draft.recordMilestone(
        "cluster live", holder: "ComputeCo", security: nil, date: day("2027-02-01"),
        company: fixture.company)
    }
    #expect(try fixture.balances(on: "2027-01-31").unlocked == 630_000)
    #expect(try fixture.balances(on: "2027-02-01").unlocked == 900_000)
  }

  /// Terms that cannot deliver the grant are refused when it is recorded: tranches above the
  /// total, tranches that fall short without a schedule, acceleration (a compute grant has no
  /// change-of-control acceleration).
  @Test(
    arguments: [
      (
        "more than",
        VestingTerms(
          start: day("2026-01-01"), periodic: PeriodicVesting(length: 12),
          tranches: [VestingTranche(date: day("2026-06-01"), amount: 1_000_001)],
          basis: 1_000_000)
      ),
      (
        "not the",
        VestingTerms(
          start: day("2026-01-01"),
          tranches: [VestingTranche(date: day("2026-06-01"), amount: 999_999)],
          basis: 1_000_000)
      ),
      (
        "acceleration",
        VestingTerms(
          start: day("2026-01-01"), periodic: PeriodicVesting(length: 12),
          acceleration: VestingAcceleration(trigger: .single))
      ),
    ] as [(String, VestingTerms)])
  func impossibleTermsAreRefused(message: String, terms: VestingTerms) throws {
    let fixture = try TokenFixture()
    do {
      try fixture.grant(
        WorkspaceDraft.ComputeGrantTerms(
          provider: "ComputeCo", symbol: "H100H", tokens: 1_000_000, agreedPrice: .one,
          unlock: .terms(terms)),
        on: "2026-01-01")
      Issue.record("expected a refusal")
    } catch {
      #expect("\(error)".contains(message), "\(error)")
    }
  }

  /// The old JSON of a `.vesting` grant still reads, and `.terms` round-trips.
  @Test func codingKeepsOldRowsReadable() throws {
    let old =
      #"{"vesting":{"_0":{"start":"2026-06-01","totalMonths":24,"cliffMonths":6,"frequencyMonths":1}}}"#
    let decoded = try JSONDecoder().decode(UnlockSchedule.self, from: Data(old.utf8))
    #expect(
      decoded
        == .vesting(
          VestingSchedule(
            start: day("2026-06-01"), totalMonths: 24, cliffMonths: 6, frequencyMonths: 1)))
    let terms = UnlockSchedule.terms(try Self.terms())
    let again = try JSONDecoder().decode(
      UnlockSchedule.self, from: try JSONEncoder().encode(terms))
    #expect(again == terms)
  }

  /// The term sheet's dated installments agree with the evaluation, and with the milestone
  /// amounts add up to the grant: 87,500 (04-01), 187,500 (04-15), 275,000 (07-01),
  /// 455,000 (09-01), 542,500 (10-01), 630,000 (2027-01-01), then the milestone's 270,000.
  @Test func installmentsForTheDeliveryTable() throws {
    let terms = try Self.terms()
    let rows = terms.installments(of: 900_000)
    #expect(
      rows.map(\.date)
        == [
          "2026-04-01", "2026-04-15", "2026-07-01", "2026-09-01", "2026-10-01", "2027-01-01",
        ].map { day($0) })
    #expect(rows.map(\.cumulative) == [87_500, 187_500, 275_000, 455_000, 542_500, 630_000])
    #expect(terms.milestoneAmounts(of: 900_000).map(\.amount) == [270_000])
  }
}

@Suite("Compute grant properties: unlocks on vesting terms")
struct ComputeGrantTermsPropertyTests {
  /// Any valid terms without acceleration, as an unlock schedule: unlocked never decreases,
  /// never exceeds the grant, and ends at the grant once every milestone is reached; the
  /// delivery table's installments agree with it day by day.
  @Test func unlockedIsMonotoneBoundedAndComplete() async {
    await propertyCheck(count: 150, input: randomTerms) { random in
      var terms = random.terms
      terms.acceleration = nil
      let tokens = TokenAmount(random.total.count)
      let schedule = UnlockSchedule.terms(terms)
      #expect(schedule.problem(for: tokens) == nil, "\(random)")
      let facts = VestingFacts(milestones: random.facts.milestones)
      var previous = TokenAmount.zero
      for date in random.dates {
        let unlocked = schedule.unlocked(
          of: tokens, asOf: date, granted: terms.start, prices: TokenPriceSeries(), facts: facts)
        #expect(unlocked >= previous && unlocked <= tokens, "\(random) on \(date)")
        previous = unlocked
      }
      #expect(previous == tokens, "\(random) ends at \(previous)")
      let dated = terms.installments(of: random.total)
      for row in dated {
        #expect(terms.scheduled(of: random.total, asOf: row.date) == row.cumulative)
      }
      let milestones = terms.milestoneAmounts(of: random.total).reduce(Shares.zero) {
        $0 + $1.amount
      }
      #expect((dated.last?.cumulative ?? .zero) + milestones == random.total, "\(random)")
    }
  }
}
