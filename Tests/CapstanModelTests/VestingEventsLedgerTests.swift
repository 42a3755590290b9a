import CapstanModel
import Testing

/// Changes of control, terminations and milestones recorded in the ledger and applied on replay.
@Suite("Vesting events in the ledger")
struct VestingEventsLedgerTests {
  static func doubleTrigger(_ start: String) -> VestingTerms {
    VestingTerms(
      start: day(start), periodic: PeriodicVesting(length: 48, frequency: 1, cliff: 12),
      acceleration: VestingAcceleration(trigger: .double(windowMonths: 12)))
  }

  /// Issue 5, acceptance line 4, through the ledger: Grace gets 100,000 options on 2025-01-01
  /// (the plan reserves 1,000,000; Linus holds 250,000, so 750,000 are available before).
  @Test("acceptance: double trigger, change of control, termination without cause")
  func acceptanceDoubleTrigger() throws {
    let acme = try Acme()
    try acme.record(
      "2025-02-01",
      .grantOptions(
        OptionGrant(
          security: "OP-2", holder: acme.grace, plan: acme.plan, quantity: 100_000,
          strike: frac(1, 10), vestingTerms: Self.doubleTrigger("2025-01-01"))))
    try acme.record("2026-06-15", .changeOfControl(ChangeOfControl()))
    try acme.record(
      "2026-09-01", .terminate(Termination(holder: acme.grace, withoutCause: true)))
    // floor(100,000 × 19 ÷ 48) = 39,583 the day before; everything on the termination date.
    let before = try acme.table(asOf: "2026-08-31")
    #expect(before.options["OP-2"]?.vested(asOf: day("2026-08-31")) == Shares(39_583))
    let after = try acme.table(asOf: "2026-09-01")
    let grant = try #require(after.options["OP-2"])
    #expect(grant.vested(asOf: day("2026-09-01")) == Shares(100_000))
    #expect(grant.cancelled == .zero && grant.vestingFacts.termination?.forfeited == .zero)
    #expect(grant.exercisable(asOf: day("2026-09-01")) == Shares(100_000))
    // Exercising everything after the acceleration is allowed.
    try acme.record(
      "2026-10-01", .exercise(Exercise(grant: "OP-2", quantity: 100_000, resultingSecurity: "CS-3"))
    )
  }

  /// Linus: 250,000 on 48/12/1 from 2025-03-01, no acceleration, terminated 2026-09-15:
  /// 18 whole months → floor(250,000 × 18 ÷ 48) = 93,750 vested; 156,250 cancelled and back
  /// in the pool: 750,000 + 156,250 = 906,250 available; options outstanding 93,750.
  @Test("termination cancels the unvested options and returns them to the pool")
  func terminationReturnsToPool() throws {
    let acme = try Acme()
    try acme.record("2026-09-15", .terminate(Termination(holder: acme.linus, withoutCause: false)))
    let table = try acme.table(asOf: "2027-01-01")
    let grant = try #require(table.options[Acme.linusGrant])
    #expect(grant.cancelled == Shares(156_250))
    #expect(grant.vested(asOf: day("2030-01-01")) == Shares(93_750))
    #expect(grant.vestingFacts.termination?.forfeited == Shares(156_250))
    #expect(table.plans[acme.plan]?.available == Shares(906_250))
    #expect(table.plans[acme.plan]?.optionsOutstanding == Shares(93_750))
    // Before the termination the table is unchanged.
    #expect(try acme.table(asOf: "2026-09-14").plans[acme.plan]?.available == Shares(750_000))
    // A second termination of the same holder has nothing left to stop.
    #expect(
      acme.refusal("2026-10-01", .terminate(Termination(holder: acme.linus, withoutCause: true)))
        == .nothingToTerminate(holder: "Linus", date: day("2026-10-01")))
    #expect(
      acme.refusal(
        "2026-10-01",
        .terminate(Termination(holder: acme.linus, security: Acme.linusGrant, withoutCause: true)))
        == .alreadyTerminated(Acme.linusGrant, holder: "Linus", date: day("2026-09-15")))
  }

  @Test("a plan that retires cancelled options keeps them out of the pool")
  func terminationRetired() throws {
    let acme = try Acme(cancellation: .retire)
    try acme.record("2026-09-15", .terminate(Termination(holder: acme.linus, withoutCause: false)))
    let table = try acme.table()
    #expect(table.plans[acme.plan]?.available == Shares(750_000))
    #expect(table.plans[acme.plan]?.optionsOutstanding == Shares(93_750))
  }

  /// Milestone tranches vest on the recorded event, for the securities in scope only.
  /// Grace: 10,000 options, 2,000 on "Launch" and 8,000 over 48/0/1 from 2025-02-01; on
  /// 2025-08-01 (6 months) 1,000 by schedule, + 2,000 after the milestone on 2025-07-01.
  @Test("milestones vest when recorded, in scope")
  func milestones() throws {
    let acme = try Acme()
    let terms = VestingTerms(
      start: day("2025-02-01"), periodic: PeriodicVesting(length: 48),
      milestones: [VestingMilestone(name: "Launch", amount: 2000)], basis: 10_000)
    try acme.record(
      "2025-02-01",
      .grantOptions(
        OptionGrant(
          security: "OP-2", holder: acme.grace, plan: acme.plan, quantity: 10_000,
          strike: frac(1, 10), vestingTerms: terms)))
    #expect(
      try acme.table(asOf: "2025-08-01").options["OP-2"]?.vested(asOf: day("2025-08-01"))
        == Shares(1000))
    // Scoped to Linus, who has no such milestone: refused, with the name in the message.
    #expect(
      acme.refusal(
        "2025-07-01", .reachMilestone(MilestoneAchievement(name: "launch", holder: acme.linus)))
        == .unknownMilestone(name: "launch", scope: " of Linus", date: day("2025-07-01")))
    try acme.record("2025-07-01", .reachMilestone(MilestoneAchievement(name: "LAUNCH")))
    let table = try acme.table(asOf: "2025-08-01")
    #expect(table.options["OP-2"]?.vested(asOf: day("2025-08-01")) == Shares(3000))
    #expect(table.options["OP-2"]?.vested(asOf: day("2025-06-30")) == Shares(666))
  }

  @Test("terms that do not add up are refused at grant")
  func invalidTerms() throws {
    let acme = try Acme()
    let terms = VestingTerms(
      start: day("2025-02-01"),
      tranches: [VestingTranche(date: day("2026-01-01"), amount: 900)], basis: 1000)
    let error = acme.refusal(
      "2025-02-01",
      .grantOptions(
        OptionGrant(
          security: "OP-2", holder: acme.grace, plan: acme.plan, quantity: 1000,
          strike: frac(1, 10), vestingTerms: terms)))
    guard case .invalidTerms(let id, let why) = error else {
      Issue.record("expected invalidTerms, got \(String(describing: error))")
      return
    }
    #expect(id == "OP-2" && why.contains("add up to 900, not the 1,000"))
  }

  /// Restricted stock: Grace's 4,000-share issue on 48/12/1 from 2025-01-15 with single
  /// trigger 100 %; change of control 2026-02-15 (13 months: 1,083 vested) accelerates the
  /// other 2,917. A termination of Ada's unrestricted stock has nothing to stop.
  @Test("restricted stock accelerates on a single trigger; termination leaves it outstanding")
  func restrictedStock() throws {
    let acme = try Acme(withGrant: false)
    let terms = VestingTerms(
      start: day("2025-01-15"), periodic: PeriodicVesting(length: 48, frequency: 1, cliff: 12),
      acceleration: VestingAcceleration(trigger: .single))
    try acme.record(
      "2025-01-15",
      .issueStock(
        StockIssuance(
          security: "CS-3", holder: acme.grace, shareClass: acme.common, quantity: 4000,
          pricePerShare: frac(1, 100), vestingTerms: terms)))
    #expect(
      acme.refusal("2025-06-01", .terminate(Termination(holder: acme.ada, withoutCause: false)))
        == .nothingToTerminate(holder: "Ada", date: day("2025-06-01")))
    #expect(
      try acme.table(asOf: "2026-02-14").stock["CS-3"]?.vested(asOf: day("2026-02-14"))
        == Shares(1000))
    try acme.record("2026-02-15", .changeOfControl(ChangeOfControl(note: "sold")))
    let table = try acme.table(asOf: "2026-02-15")
    #expect(table.stock["CS-3"]?.vested(asOf: day("2026-02-15")) == Shares(4000))
    #expect(table.changesOfControl == [day("2026-02-15")])
  }

  /// A change of control before a grant does not accelerate it; the first one after it does.
  /// Grace: 4,800 options on 48/12/1 from 2025-06-01, single trigger 100 %.
  @Test("only a change of control after the grant accelerates it")
  func changeOfControlBeforeTheGrant() throws {
    let acme = try Acme()
    try acme.record("2025-05-01", .changeOfControl(ChangeOfControl(note: "first")))
    let terms = VestingTerms(
      start: day("2025-06-01"), periodic: PeriodicVesting(length: 48, frequency: 1, cliff: 12),
      acceleration: VestingAcceleration(trigger: .single))
    try acme.record(
      "2025-06-01",
      .grantOptions(
        OptionGrant(
          security: "OP-2", holder: acme.grace, plan: acme.plan, quantity: 4800,
          strike: frac(1, 10), vestingTerms: terms)))
    // 2026-06-01: 12 months → 1,200, no acceleration from the May 2025 change of control.
    #expect(
      try acme.table(asOf: "2026-06-01").options["OP-2"]?.vested(asOf: day("2026-06-01"))
        == Shares(1200))
    try acme.record("2026-07-01", .changeOfControl(ChangeOfControl(note: "second")))
    let table = try acme.table(asOf: "2026-07-01")
    #expect(table.options["OP-2"]?.vestingFacts.changeOfControl == day("2026-07-01"))
    #expect(table.options["OP-2"]?.vested(asOf: day("2026-07-01")) == Shares(4800))
    // A termination naming a security the holder does not hold is refused.
    #expect(
      acme.refusal(
        "2026-08-01",
        .terminate(Termination(holder: acme.grace, security: "OP-1", withoutCause: true)))
        == .wrongSecurityKind("OP-1", expected: "held by Grace"))
  }
}
