import CapstanModel
import Testing

/// Hand-derived cases for each schedule kind and allocation type of `VestingTerms`.
@Suite("VestingTerms")
struct VestingTermsTests {
  static func monthly(
    _ total: Int, cliff: Int = 0, every: Int = 1, from start: String = "2025-01-01",
    _ allocation: VestingAllocation = .cumulativeRoundDown
  ) -> VestingTerms {
    VestingTerms(
      start: day(start),
      periodic: PeriodicVesting(length: total, frequency: every, cliff: cliff),
      allocation: allocation)
  }

  /// Issue 5, acceptance line 3: 480,000 from 2025-03-31, 48/12/1: floor(480,000 × m ÷ 48).
  /// 2026-03-30: 11 whole months (the cliff is 12) → 0; 2026-03-31: 12 → 120,000;
  /// 2026-04-30: 13 (April has no 31st) → 130,000; 2027-02-28: 23 → 230,000; 2029-03-31: 48.
  @Test(
    "acceptance: 480,000 over 48 months from 2025-03-31",
    arguments: [
      ("2026-03-30", Int64(0)), ("2026-03-31", 120_000), ("2026-04-30", 130_000),
      ("2027-02-28", 230_000), ("2029-03-31", 480_000),
    ])
  func acceptanceMonthly(date: String, vested: Int64) {
    let terms = Self.monthly(48, cliff: 12, from: "2025-03-31")
    #expect(terms.vested(of: 480_000, asOf: day(date)) == Shares(vested))
  }

  /// Issue 5, acceptance line 4: 100,000 from 2025-01-01, 48/12/1, double trigger, full, 12
  /// months; change of control 2026-06-15, termination without cause 2026-09-01.
  /// 2026-08-31: 19 whole months → floor(100,000 × 19 ÷ 48) = floor(39,583.3) = 39,583 (the
  /// termination is later, so no acceleration yet). 2026-09-01: 20 months → 41,666 by
  /// schedule, and the termination is 2.5 months after the change of control (inside 12), so
  /// 100 % of the 58,334 unvested accelerate: 100,000.
  @Test(
    "acceptance: double-trigger full acceleration",
    arguments: [("2026-08-31", Int64(39_583)), ("2026-09-01", 100_000), ("2030-01-01", 100_000)])
  func acceptanceDoubleTrigger(date: String, vested: Int64) {
    var terms = Self.monthly(48, cliff: 12)
    terms.acceleration = VestingAcceleration(trigger: .double(windowMonths: 12))
    let facts = VestingFacts(
      changeOfControl: day("2026-06-15"),
      termination: .init(date: day("2026-09-01"), withoutCause: true))
    #expect(terms.vested(of: 100_000, asOf: day(date), facts: facts) == Shares(vested))
  }

  /// OCF's AllocationType example: 18 shares in 4 installments (4 quarters of a 12-month
  /// schedule), cumulative after each installment:
  /// rounding 5-4-5-4 → 5, 9, 14, 18; round down 4-5-4-5 → 4, 9, 13, 18; front loaded
  /// 5-5-4-4 → 5, 10, 14, 18; back loaded 4-4-5-5 → 4, 8, 13, 18; front to single 6-4-4-4 →
  /// 6, 10, 14, 18; back to single 4-4-4-6 → 4, 8, 12, 18; fractional 4.5 each → 4.5, 9,
  /// 13.5, 18, whole shares 4, 9, 13, 18.
  @Test(
    "OCF allocation types on 18 shares in 4 installments",
    arguments: [
      (VestingAllocation.cumulativeRounding, [Int64(5), 9, 14, 18]),
      (.cumulativeRoundDown, [4, 9, 13, 18]),
      (.frontLoaded, [5, 10, 14, 18]),
      (.backLoaded, [4, 8, 13, 18]),
      (.frontLoadedToSingleTranche, [6, 10, 14, 18]),
      (.backLoadedToSingleTranche, [4, 8, 12, 18]),
      (.fractional, [4, 9, 13, 18]),
    ])
  func allocationTypes(allocation: VestingAllocation, cumulative: [Int64]) {
    let terms = Self.monthly(12, every: 3, allocation)
    let dates = ["2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"]
    #expect(dates.map { terms.vested(of: 18, asOf: day($0)).count } == cumulative)
    #expect(terms.vested(of: 18, asOf: day("2025-03-31")) == .zero)
  }

  /// A cliff under a loaded type vests the installments it covers: 1,003 over 48 monthly
  /// installments, front loaded: 20 each and 43 extra shares for the first 43. At the 12-month
  /// cliff: 12 × 21 = 252; at 43 months 43 × 21 = 903; at 44: 903 + 20 = 923; at 48: 1,003.
  @Test("front loaded with a 12-month cliff")
  func frontLoadedCliff() {
    let terms = Self.monthly(48, cliff: 12, .frontLoaded)
    #expect(terms.vested(of: 1003, asOf: day("2025-12-31")) == .zero)
    #expect(terms.vested(of: 1003, asOf: day("2026-01-01")) == Shares(252))
    #expect(terms.vested(of: 1003, asOf: day("2028-08-01")) == Shares(903))
    #expect(terms.vested(of: 1003, asOf: day("2028-09-01")) == Shares(923))
    #expect(terms.vested(of: 1003, asOf: day("2029-01-01")) == Shares(1003))
  }

  @Test("a loaded type needs whole installments")
  func loadedNeedsWholeInstallments() {
    let terms = Self.monthly(12, cliff: 5, every: 3, .backLoaded)
    #expect(terms.problem(for: 100)?.contains("multiples of the frequency") == true)
    #expect(Self.monthly(12, cliff: 6, every: 3, .backLoaded).problem(for: 100) == nil)
  }

  /// Every 7 days over 28 days, 14-day cliff, 1,000 shares, round down: day 13 → 0; day 14
  /// (the cliff) → 14/28 = 500; day 20 → still 500; day 21 → 750; day 28 → 1,000.
  @Test(
    "days: 28/14/7",
    arguments: [
      ("2025-01-14", Int64(0)), ("2025-01-15", 500), ("2025-01-21", 500), ("2025-01-22", 750),
      ("2025-01-29", 1000), ("2026-01-01", 1000),
    ])
  func days(date: String, vested: Int64) {
    let terms = VestingTerms(
      start: day("2025-01-01"),
      periodic: PeriodicVesting(unit: .days, length: 28, frequency: 7, cliff: 14))
    #expect(terms.vested(of: 1000, asOf: day(date)) == Shares(vested))
  }

  /// Explicit tranches only: 300 on 2025-06-30, 700 on 2026-06-30.
  @Test("tranches")
  func tranches() {
    let terms = VestingTerms(
      start: day("2025-01-01"),
      tranches: [
        VestingTranche(date: day("2026-06-30"), amount: 700),
        VestingTranche(date: day("2025-06-30"), amount: 300),
      ], basis: 1000)
    #expect(terms.problem(for: 1000) == nil)
    #expect(terms.vested(of: 1000, asOf: day("2025-06-29")) == .zero)
    #expect(terms.vested(of: 1000, asOf: day("2025-06-30")) == Shares(300))
    #expect(terms.vested(of: 1000, asOf: day("2026-06-29")) == Shares(300))
    #expect(terms.vested(of: 1000, asOf: day("2026-06-30")) == Shares(1000))
    // After a 3:2 split the grant is 1,500 and the tranches scale: floor(1,500 × 300 ÷ 1,000).
    #expect(terms.vested(of: 1500, asOf: day("2025-06-30")) == Shares(450))
    #expect(terms.vested(of: 1500, asOf: day("2026-06-30")) == Shares(1500))
    #expect(terms.problem(for: 999)?.contains("stated for 1,000") == true)
  }

  /// 1,200 with a 240 milestone and 12/0/3 monthly for the other 960: on 2025-07-01 (6 months)
  /// 480 by schedule; with the milestone reached 2025-05-01, 720; before it, 480.
  @Test("milestone tranche plus a schedule")
  func milestone() {
    let terms = VestingTerms(
      start: day("2025-01-01"), periodic: PeriodicVesting(length: 12, frequency: 3),
      milestones: [VestingMilestone(name: "FDA approval", amount: 240)], basis: 1200)
    let facts = VestingFacts(milestones: [.init(name: "fda APPROVAL", date: day("2025-05-01"))])
    #expect(terms.vested(of: 1200, asOf: day("2025-07-01")) == Shares(480))
    #expect(terms.vested(of: 1200, asOf: day("2025-07-01"), facts: facts) == Shares(720))
    #expect(terms.vested(of: 1200, asOf: day("2025-04-30"), facts: facts) == Shares(240))
    #expect(terms.vested(of: 1200, asOf: day("2026-01-01"), facts: facts) == Shares(1200))
    // Without the milestone the schedule ends at 960, never the total.
    #expect(terms.vested(of: 1200, asOf: day("2030-01-01")) == Shares(960))
  }

  /// A cliff installment of 40 % of 1,000 at 12 months of 48, the other 600 over the 36
  /// months after it: month 12 → 400; month 13 → 400 + floor(600 × 1 ÷ 36) = 416; month 30
  /// → 400 + 300 = 700; month 48 → 1,000.
  @Test("explicit cliff installment")
  func cliffInstallment() {
    let terms = VestingTerms(
      start: day("2025-01-01"),
      periodic: PeriodicVesting(length: 48, frequency: 1, cliff: 12, cliffPortion: frac(2, 5)))
    #expect(terms.vested(of: 1000, asOf: day("2025-12-31")) == .zero)
    #expect(terms.vested(of: 1000, asOf: day("2026-01-01")) == Shares(400))
    #expect(terms.vested(of: 1000, asOf: day("2026-02-01")) == Shares(416))
    #expect(terms.vested(of: 1000, asOf: day("2027-07-01")) == Shares(700))
    #expect(terms.vested(of: 1000, asOf: day("2029-01-01")) == Shares(1000))
  }

  /// Single trigger, 50 %: 48,000 over 48/12/1 from 2025-01-01, change of control 2026-07-01
  /// (18 months: 18,000 vested, 30,000 unvested, 15,000 accelerate). 2026-07-01: 33,000;
  /// 2026-08-01: 19,000 + 15,000 = 34,000; from 2027-10-01 (33 months: 33,000 + 15,000)
  /// everything: the acceleration takes the last installments.
  @Test("single-trigger partial acceleration")
  func singleTriggerPartial() {
    var terms = Self.monthly(48, cliff: 12)
    terms.acceleration = VestingAcceleration(trigger: .single, fraction: frac(1, 2))
    let facts = VestingFacts(changeOfControl: day("2026-07-01"))
    #expect(terms.vested(of: 48_000, asOf: day("2026-06-30"), facts: facts) == Shares(17_000))
    #expect(terms.vested(of: 48_000, asOf: day("2026-07-01"), facts: facts) == Shares(33_000))
    let parts = terms.breakdown(of: 48_000, asOf: day("2026-08-01"), facts: facts)
    #expect(parts.scheduled == Shares(19_000) && parts.accelerated == Shares(15_000))
    #expect(terms.vested(of: 48_000, asOf: day("2028-02-01"), facts: facts) == Shares(48_000))
  }

  /// Double trigger outside the window: change of control 2026-01-01, 6-month window,
  /// termination without cause 2026-07-02 (after 2026-07-01): nothing accelerates, vesting
  /// stops at 18 months: 18,000 of 48,000. With cause inside the window: the same.
  @Test("double trigger needs a termination without cause inside the window")
  func doubleTriggerWindow() {
    var terms = Self.monthly(48, cliff: 12)
    terms.acceleration = VestingAcceleration(trigger: .double(windowMonths: 6))
    let late = VestingFacts(
      changeOfControl: day("2026-01-01"),
      termination: .init(date: day("2026-07-02"), withoutCause: true))
    #expect(terms.vested(of: 48_000, asOf: day("2030-01-01"), facts: late) == Shares(18_000))
    let cause = VestingFacts(
      changeOfControl: day("2026-01-01"),
      termination: .init(date: day("2026-07-01"), withoutCause: false))
    #expect(terms.vested(of: 48_000, asOf: day("2030-01-01"), facts: cause) == Shares(18_000))
    let inside = VestingFacts(
      changeOfControl: day("2026-01-01"),
      termination: .init(date: day("2026-07-01"), withoutCause: true))
    #expect(terms.vested(of: 48_000, asOf: day("2026-07-01"), facts: inside) == Shares(48_000))
  }

  @Test("a plain schedule round-trips through the richer terms")
  func plainSchedule() {
    let schedule = VestingSchedule(
      start: day("2025-03-31"), totalMonths: 48, cliffMonths: 12, frequencyMonths: 3)
    let terms = VestingTerms(schedule)
    #expect(terms.plainSchedule == schedule)
    for date in ["2026-03-30", "2026-03-31", "2026-06-30", "2027-12-31", "2029-03-31"] {
      #expect(
        terms.vested(of: 480_000, asOf: day(date)) == schedule.vested(of: 480_000, asOf: day(date)))
    }
    var richer = terms
    richer.allocation = .frontLoaded
    #expect(richer.plainSchedule == nil)
  }

  @Test("percentages resolve by cumulative floor and add up exactly")
  func resolvePercentages() throws {
    let third = VestingTerms.TypedAmount.portion(frac(1, 3))
    let amounts = try VestingTerms.resolve([third, third, third], of: 1000, field: "--tranches")
    #expect(amounts == [333, 333, 334])
    let mixed = try VestingTerms.resolve(
      [.shares(100), .portion(frac(1, 4))], of: 1000, field: "x")
    #expect(mixed == [100, 250])
  }

  @Test("parsing the command-line forms")
  func parsing() throws {
    let tranches = try VestingTerms.parseTranches(
      "2026-01-01:1,000,2026-07-01:25%", field: "--tranches")
    #expect(tranches.map(\.date) == [day("2026-01-01"), day("2026-07-01")])
    #expect(tranches.map(\.amount) == [.shares(1000), .portion(frac(1, 4))])
    let milestone = try VestingTerms.parseMilestone("FDA: approval:20%", field: "--milestone")
    #expect(milestone.name == "FDA: approval" && milestone.amount == .portion(frac(1, 5)))
    #expect(
      try VestingAcceleration.parse("double:6:50%", field: "x")
        == VestingAcceleration(trigger: .double(windowMonths: 6), fraction: frac(1, 2)))
    #expect(
      try VestingAcceleration.parse("double", field: "x")
        == VestingAcceleration(trigger: .double(windowMonths: 12)))
    #expect(try VestingAcceleration.parse("single", field: "x").trigger == .single)
    #expect(throws: InputError.self) { try VestingAcceleration.parse("triple", field: "x") }
    #expect(try VestingAllocation.parse("FRONT_LOADED", field: "x") == .frontLoaded)
    #expect(
      try VestingAllocation.parse("back-loaded-single", field: "x") == .backLoadedToSingleTranche)
    #expect(throws: InputError.self) { try VestingAllocation.parse("sideways", field: "x") }
    #expect(try PeriodicVesting.parseDays("1461/365/7", field: "x").length == 1461)
    #expect(throws: InputError.self) { try PeriodicVesting.parseDays("10/20/1", field: "x") }
  }
}
