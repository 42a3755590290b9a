import CapstanModel
import Testing

/// Accelerations of a given quantity (OCF TX_VESTING_ACCELERATION) recorded in the ledger.
@Suite("Vesting accelerations in the ledger")
struct AccelerationLedgerTests {
  /// Grace: 4,800 options on 48/12/1 from 2025-01-01 (plain schedule: 100 a month after the
  /// 12-month cliff, 1,200 at the cliff).
  static func grant(_ acme: Acme, terms: VestingTerms? = nil) throws {
    try acme.record(
      "2025-01-15",
      .grantOptions(
        OptionGrant(
          security: "OP-2", holder: acme.grace, plan: acme.plan, quantity: 4_800,
          strike: frac(1, 10),
          vesting: terms == nil
            ? VestingSchedule(
              start: day("2025-01-01"), totalMonths: 48, cliffMonths: 12, frequencyMonths: 1)
            : nil,
          vestingTerms: terms)))
  }

  static func accelerate(_ quantity: Int64, _ security: SecurityID = "OP-2") -> LedgerEvent {
    .accelerateVesting(
      AcceleratedVesting(security: security, quantity: Shares(quantity), reason: "board"))
  }

  /// 250 accelerated at month 6 (2025-07-01): 0 by schedule + 250 = 250; at month 12:
  /// 4,800 × 12 ÷ 48 = 1,200 + 250 = 1,450; at month 47: 4,700 + 250 = 4,950, capped at 4,800.
  @Test("an accelerated quantity adds to the schedule, capped at the total")
  func addsToSchedule() throws {
    let acme = try Acme()
    try Self.grant(acme)
    try acme.record("2025-07-01", Self.accelerate(250))
    let table = try acme.table()
    let grant = try #require(table.options["OP-2"])
    #expect(grant.vested(asOf: day("2025-06-30")) == Shares(0))
    #expect(grant.vested(asOf: day("2025-07-01")) == Shares(250))
    #expect(grant.vested(asOf: day("2025-12-31")) == Shares(250))
    #expect(grant.vested(asOf: day("2026-01-01")) == Shares(1_450))
    #expect(grant.vested(asOf: day("2028-12-01")) == Shares(4_800))
    #expect(grant.vested(asOf: day("2029-01-01")) == Shares(4_800))
    // The accelerated options can be exercised at once.
    try acme.record(
      "2025-07-02", .exercise(Exercise(grant: "OP-2", quantity: 250, resultingSecurity: "CS-9")))
  }

  /// At month 6, 250 already accelerated: 4,800 − 250 = 4,550 unvested; 4,551 is refused.
  @Test("more than is unvested, an unknown security, or after termination is refused")
  func refusals() throws {
    let acme = try Acme()
    try Self.grant(acme)
    try acme.record("2025-07-01", Self.accelerate(250))
    #expect(
      acme.refusal("2025-07-01", Self.accelerate(4_551))
        == .exceedsUnvested(
          security: "OP-2", holder: "Grace", unvested: 4_550, requested: 4_551,
          date: day("2025-07-01")))
    try acme.record("2025-07-01", Self.accelerate(4_550))
    #expect(
      acme.refusal("2025-08-01", Self.accelerate(1))
        == .exceedsUnvested(
          security: "OP-2", holder: "Grace", unvested: 0, requested: 1, date: day("2025-08-01")))
    #expect(
      acme.refusal("2025-08-01", Self.accelerate(5, "OP-77"))
        == .unknownSecurity("OP-77", date: day("2025-08-01")))
    // Ada's common stock has no vesting: nothing is unvested.
    #expect(
      acme.refusal("2025-08-01", Self.accelerate(5, Acme.adaStock))
        == .exceedsUnvested(
          security: Acme.adaStock, holder: "Ada", unvested: 0, requested: 5,
          date: day("2025-08-01")))
  }

  /// Linus: 250,000 on 48/12/1 from 2025-03-01; 10,000 accelerated 2026-01-01 (month 10);
  /// terminated 2026-09-15 (18 months): 93,750 by schedule + 10,000 = 103,750 vested, 146,250
  /// cancelled. An acceleration after the termination is refused.
  @Test("termination keeps what was accelerated and cancels the rest")
  func termination() throws {
    let acme = try Acme()
    try acme.record("2026-01-01", Self.accelerate(10_000, Acme.linusGrant))
    try acme.record("2026-09-15", .terminate(Termination(holder: acme.linus, withoutCause: false)))
    let grant = try #require(try acme.table().options[Acme.linusGrant])
    #expect(grant.vested(asOf: day("2030-01-01")) == Shares(103_750))
    #expect(grant.cancelled == Shares(146_250))
    #expect(
      acme.refusal("2026-10-01", Self.accelerate(1, Acme.linusGrant))
        == .alreadyTerminated(Acme.linusGrant, holder: "Linus", date: day("2026-09-15")))
  }

  /// Single trigger at 50 % on 2025-07-01 after 250 accelerated the same day: the clause takes
  /// half of what is left, floor(4,550 ÷ 2) = 2,275, so 250 + 2,275 = 2,525 vested.
  @Test("a change of control accelerates a fraction of what earlier accelerations left")
  func withChangeOfControl() throws {
    let acme = try Acme()
    try Self.grant(
      acme,
      terms: VestingTerms(
        start: day("2025-01-01"), periodic: PeriodicVesting(length: 48, frequency: 1, cliff: 12),
        acceleration: VestingAcceleration(trigger: .single, fraction: frac(1, 2))))
    try acme.record("2025-07-01", Self.accelerate(250))
    try acme.record("2025-07-01", .changeOfControl(ChangeOfControl()))
    let grant = try #require(try acme.table().options["OP-2"])
    #expect(grant.vested(asOf: day("2025-07-01")) == Shares(2_525))
    // Month 12: 1,200 by schedule + 2,525 = 3,725.
    #expect(grant.vested(asOf: day("2026-01-01")) == Shares(3_725))
  }

  /// Restricted stock: 1,000 shares on 12/0/1 (floor(1,000 × m ÷ 12)) from 2025-01-01; 100
  /// accelerated on 2025-02-15: month 1 gives 83 + 100 = 183.
  @Test("restricted stock accelerates too")
  func restrictedStock() throws {
    let acme = try Acme()
    try acme.record(
      "2025-01-15",
      acme.issue(
        "CS-5", to: acme.linus, 1_000,
        vesting: VestingSchedule(
          start: day("2025-01-01"), totalMonths: 12, cliffMonths: 0, frequencyMonths: 1)))
    try acme.record("2025-02-15", Self.accelerate(100, "CS-5"))
    let stock = try #require(try acme.table().stock["CS-5"])
    #expect(stock.vested(asOf: day("2025-02-15")) == Shares(183))
    #expect(stock.vested(asOf: day("2025-02-14")) == Shares(83))
  }

  /// Linus: 250,000 on 48/12/1 from 2025-03-01, 10,000 accelerated 2025-06-01, then Common
  /// split 2:1 on 2025-07-01: 500,000 granted, 20,000 vested (nothing by schedule yet); at
  /// 12 months 500,000 × 12 ÷ 48 = 125,000 + 20,000 = 145,000.
  @Test("a split multiplies the accelerated quantity with the grant")
  func split() throws {
    let acme = try Acme()
    try acme.record("2025-06-01", Self.accelerate(10_000, Acme.linusGrant))
    try acme.record("2025-07-01", .split(StockSplit(shareClass: acme.common, ratio: Ratio(2))))
    let grant = try #require(try acme.table().options[Acme.linusGrant])
    #expect(grant.granted == Shares(500_000))
    #expect(grant.vested(asOf: day("2025-07-01")) == Shares(20_000))
    #expect(grant.vested(asOf: day("2026-03-01")) == Shares(145_000))
  }
}
