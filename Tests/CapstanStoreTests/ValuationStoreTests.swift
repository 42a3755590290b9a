import CapstanModel
import CapstanStore
import CapstanTestSupport
import GRDB
import Testing

@Suite("Valuations in the workspace file")
struct ValuationStoreTests {
  /// A 409A of Common at $1.25 and another at 1/3 (a price that does not terminate), kept
  /// exactly and read back in the order recorded.
  @Test func valuationsAreKeptExactlyInOrder() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      let id = try workspace.write { draft in try SampleCompany.record(in: &draft) }
      let first = ShareValuation(
        effective: day("2025-01-31"), shareClass: SampleCompany.commonID,
        pricePerShare: Ratio(5, 4), kind: .section409A, provider: "Carta Valuations",
        boardApproved: day("2025-02-10"))
      let second = ShareValuation(
        effective: day("2025-06-30"), shareClass: SampleCompany.seedID,
        pricePerShare: Ratio(1, 3), kind: .other)
      try workspace.write { draft in
        try draft.addValuation(first, to: id)
        try draft.addValuation(second, to: id)
      }
      let reopened = try SQLiteWorkspace.open(at: path)
      #expect(try reopened.valuations(for: id) == [first, second])
      try withRawDatabase(path) { db in
        let prices = try String.fetchAll(
          db, sql: "SELECT price_per_share FROM valuations ORDER BY sequence")
        #expect(prices == ["1.25", "1/3"])
        #expect(throws: DatabaseError.self) {
          try db.execute(sql: "UPDATE valuations SET price_per_share = '2'")
        }
        #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM valuations") }
      }
    }
  }

  /// A write that fails after adding a valuation stores nothing; an unknown class, a price
  /// that is not positive and a date before incorporation are refused.
  @Test func refusedValuationsWriteNothing() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      let id = try workspace.write { draft in try SampleCompany.record(in: &draft) }
      let good = ShareValuation(
        effective: day("2025-01-31"), shareClass: SampleCompany.commonID, pricePerShare: Ratio(1))
      #expect(throws: LedgerError.unknownClass("nope")) {
        try workspace.write { draft in
          try draft.addValuation(good, to: id)
          var bad = good
          bad.shareClass = "nope"
          try draft.addValuation(bad, to: id)
        }
      }
      var zero = good
      zero.pricePerShare = .zero
      #expect(throws: LedgerError.self) {
        try workspace.write { draft in try draft.addValuation(zero, to: id) }
      }
      var early = good
      early.effective = day("2024-01-14")
      #expect(
        throws: LedgerError.beforeIncorporation(
          date: day("2024-01-14"), incorporated: SampleCompany.incorporated, company: "Acme AI")
      ) {
        try workspace.write { draft in try draft.addValuation(early, to: id) }
      }
      #expect(try workspace.valuations(for: id).isEmpty)
    }
  }

  /// A file as v4 wrote it (no valuations table) opens, is migrated, keeps its ledger, and can
  /// record valuations.
  @Test func aV4WorkspaceGainsValuations() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      let id = try workspace.write { draft in try SampleCompany.record(in: &draft) }
      try withRawDatabase(path) { db in
        try db.execute(sql: "DROP TABLE valuations")
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5-valuations'")
      }
      let reopened = try SQLiteWorkspace.open(at: path)
      #expect(try reopened.appliedMigrations() == SQLiteWorkspace.knownMigrations)
      #expect(try reopened.ledger(for: id).transactions.count == 17)
      #expect(try reopened.valuations(for: id).isEmpty)
      let valuation = ShareValuation(
        effective: day("2025-01-31"), shareClass: SampleCompany.commonID, pricePerShare: Ratio(2))
      try reopened.write { draft in try draft.addValuation(valuation, to: id) }
      #expect(try SQLiteWorkspace.open(at: path).valuations(for: id) == [valuation])
    }
  }
}
