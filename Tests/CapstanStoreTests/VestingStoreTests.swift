import CapstanModel
import CapstanStore
import CapstanTestSupport
import GRDB
import Testing

/// Richer vesting terms and the vesting events survive the SQLite store; a v2 file migrates.
@Suite struct VestingStoreTests {
  /// The sample company plus a grant with every kind of term, a restricted issue in days, and
  /// the three vesting events.
  static func record(in draft: inout WorkspaceDraft) throws -> Company.ID {
    let company = try SampleCompany.record(in: &draft)
    try draft.append(events, to: company)
    return company
  }

  /// The events added to the sample company's.
  static var events: [(date: CalendarDate, event: LedgerEvent)] {
    let terms = VestingTerms(
      start: day("2024-06-01"),
      periodic: PeriodicVesting(length: 48, frequency: 3, cliff: 12, cliffPortion: fraction(1, 5)),
      allocation: .backLoaded,
      tranches: [VestingTranche(date: day("2025-01-01"), amount: 1000)],
      milestones: [VestingMilestone(name: "FDA approval", amount: 2000)], basis: 10_000,
      acceleration: VestingAcceleration(
        trigger: .double(windowMonths: 18), fraction: fraction(1, 2)))
    return [
      (
        day("2024-06-01"),
        .grantOptions(
          OptionGrant(
            security: "OP-9", holder: SampleCompany.ada, plan: SampleCompany.planID,
            quantity: 10_000, strike: fraction(1, 4), vestingTerms: terms))
      ),
      (
        day("2024-06-01"),
        .issueStock(
          StockIssuance(
            security: "CS-9", holder: SampleCompany.grace, shareClass: SampleCompany.commonID,
            quantity: 700, pricePerShare: fraction(1, 100),
            vestingTerms: VestingTerms(
              start: day("2024-06-01"),
              periodic: PeriodicVesting(unit: .days, length: 700, frequency: 7, cliff: 70),
              acceleration: VestingAcceleration(trigger: .single))))
      ),
      (
        day("2025-02-01"),
        .reachMilestone(MilestoneAchievement(name: "fda approval", security: "OP-9"))
      ),
      (
        day("2025-02-15"),
        .accelerateVesting(AcceleratedVesting(security: "CS-9", quantity: 70, reason: "board"))
      ),
      (day("2025-03-01"), .changeOfControl(ChangeOfControl(note: "acquired"))),
      (
        day("2025-04-01"),
        .terminate(Termination(holder: SampleCompany.ada, security: "OP-9", withoutCause: true))
      ),
    ]
  }

  @Test func theTermsAndEventsReadBackAsWritten() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let memory = InMemoryWorkspace()
      let id = try memory.write { try Self.record(in: &$0) }
      _ = try SQLiteWorkspace.create(at: path).write { try Self.record(in: &$0) }
      let loaded = try SQLiteWorkspace.open(at: path).ledger(for: id)
      let expected = try memory.ledger(for: id)
      #expect(loaded.transactions == expected.transactions)
      #expect(
        Set(loaded.transactions.map(\.event.kind)).isSuperset(
          of: [.changeOfControl, .termination, .milestone, .acceleration]))
      // The plain schedules stay in their columns; the richer terms are JSON.
      let stored = try withRawDatabase(path) { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT security, vesting_total_months, vesting_terms FROM transactions
            WHERE security IN ('CS-1', 'OP-9') AND kind IN ('issue', 'grant') ORDER BY security
            """)
      }
      #expect(stored.count == 2)
      #expect(stored[0]["vesting_total_months"] as Int? == 48)
      #expect(stored[0]["vesting_terms"] as String? == nil)
      #expect(stored[1]["vesting_total_months"] as Int? == nil)
      #expect((stored[1]["vesting_terms"] as String?)?.contains("BACK_LOADED") == true)
      // The replayed facts agree.
      let table = try loaded.replay()
      let grant = try #require(table.options["OP-9"])
      #expect(grant.vestingFacts.termination?.withoutCause == true)
      #expect(grant.vestingFacts.changeOfControl == day("2025-03-01"))
      // Fully accelerated on the change of control (700 shares, 1,400 after the 2:1 split).
      let stock = try #require(table.stock["CS-9"])
      #expect(stock.vested(asOf: day("2025-03-01")) == stock.quantity)
      #expect(stock.vested(asOf: day("2025-02-28")) < stock.quantity)
    }
  }

  /// A file as v2 wrote it (no vesting_terms column, two migrations) opens, is migrated to v3,
  /// keeps its ledger, and can then record richer terms and events.
  @Test func aV2WorkspaceIsMigratedForward() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      let id = try workspace.write { try SampleCompany.record(in: &$0) }
      try withRawDatabase(path) { db in
        try db.execute(sql: "ALTER TABLE transactions DROP COLUMN vesting_terms")
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-vesting-events'")
      }
      let reopened = try SQLiteWorkspace.open(at: path)
      #expect(try reopened.appliedMigrations() == SQLiteWorkspace.knownMigrations)
      #expect(try reopened.ledger(for: id).transactions.count == 17)
      try reopened.write { draft in
        try draft.recordChangeOfControl(date: day("2026-01-01"), note: nil, company: id)
      }
      #expect(try SQLiteWorkspace.open(at: path).ledger(for: id).transactions.count == 18)
    }
  }
}
