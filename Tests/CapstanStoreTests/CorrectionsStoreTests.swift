import CapstanModel
import CapstanStore
import CapstanTestSupport
import Testing

/// Voids, class amendments and holder merges survive the SQLite store, and replay reads them as in memory.
@Suite struct CorrectionsStoreTests {
  /// After the sample company's 17 transactions: an issue (18), its void (19), a 2x
  /// participating amendment of the seed class, and Grace's holdings merged into Ada's.
  static var events: [(date: CalendarDate, event: LedgerEvent)] {
    [
      (
        day("2025-06-01"),
        .issueStock(
          StockIssuance(
            security: "CS-99", holder: SampleCompany.grace, shareClass: SampleCompany.commonID,
            quantity: 1_000, pricePerShare: fraction(1, 10_000)))
      ),
      (day("2025-06-02"), .void(Voiding(transaction: 18, reason: "wrong holder"))),
      (
        day("2025-07-01"),
        .amendClass(
          ClassAmendment(
            shareClass: SampleCompany.seedID,
            preference: LiquidationPreference(
              multiple: Ratio(2), participation: .full, seniority: 3),
            antiDilution: .fullRatchet, votesPerShare: Ratio(2)))
      ),
      (
        day("2025-08-01"),
        .mergeHolders(HolderMerge(from: SampleCompany.grace, into: SampleCompany.ada))
      ),
      (
        day("2025-09-01"),
        .amendPlan(PlanAmendment(plan: SampleCompany.planID, cancellationBehavior: .returnToPool))
      ),
      // The plan (adopted 2024-02-01) counted as adopted on incorporation, 2024-01-15, from
      // 2025-10-01 on: the adoption date alone (the cancellation behaviour column is NULL).
      (
        day("2025-10-01"),
        .amendPlan(PlanAmendment(plan: SampleCompany.planID, adopted: SampleCompany.incorporated))
      ),
    ]
  }

  @Test func correctionsReadBackAsWritten() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let memory = InMemoryWorkspace()
      let record = { (draft: inout WorkspaceDraft) throws -> Company.ID in
        let company = try SampleCompany.record(in: &draft)
        try draft.append(Self.events, to: company)
        return company
      }
      let id = try memory.write(record)
      _ = try SQLiteWorkspace.create(at: path).write(record)
      let loaded = try SQLiteWorkspace.open(at: path).ledger(for: id)
      #expect(loaded.transactions == (try memory.ledger(for: id)).transactions)
      #expect(loaded.voids == [18: 19])
      // CS-99 is left out of the replay; the seed class takes the amended terms from 2025-07-01.
      #expect(try loaded.replay().stock["CS-99"] == nil)
      let seed = try #require(try loaded.replay().classes[SampleCompany.seedID]?.definition)
      #expect(
        seed.preference
          == LiquidationPreference(multiple: Ratio(2), participation: .full, seniority: 3))
      #expect(seed.antiDilution == .fullRatchet)
      // The plan retires cancelled options until 2025-09-01, then returns them to the pool.
      #expect(
        try loaded.replay(asOf: day("2025-08-31")).plans[SampleCompany.planID]?.definition
          .cancellationBehavior == .retire)
      #expect(
        try loaded.replay().plans[SampleCompany.planID]?.definition.cancellationBehavior
          == .returnToPool)
      // The adoption date in force: 2024-02-01 before the amendment's date, then 2024-01-15.
      #expect(
        try loaded.replay(asOf: day("2025-09-30")).plans[SampleCompany.planID]?.definition
          .adopted == day("2024-02-01"))
      #expect(
        try loaded.replay().plans[SampleCompany.planID]?.definition.adopted
          == SampleCompany.incorporated)
      // From 2025-08-01 Grace's holdings are Ada's.
      let merged = try loaded.replay(asOf: day("2025-08-01"))
      #expect(!merged.stock.values.contains { $0.holder == SampleCompany.grace })
      let unmerged = try loaded.replay(asOf: day("2025-07-31"))
      #expect(unmerged.stock.values.contains { $0.holder == SampleCompany.grace })
      let before = try loaded.replay(asOf: day("2025-06-30")).classes[SampleCompany.seedID]
      #expect(before?.definition.preference == SampleCompany.seed.preference)
    }
  }
}
