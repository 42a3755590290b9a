import CapstanModel
import CapstanStore
import GRDB
import Testing

@Suite struct AppendOnlyTests {
  static let rewrites = [
    "UPDATE transactions SET quantity = 1",
    "DELETE FROM transactions WHERE sequence = 17",
    "UPDATE share_classes SET initial_authorized = 1",
    "DELETE FROM share_classes",
    "UPDATE stock_plans SET initial_reserve = 1",
    "DELETE FROM stock_plans",
    "UPDATE companies SET name = 'Renamed'",
    "DELETE FROM companies",
    "UPDATE stakeholders SET email = 'new@example.com'",
    "DELETE FROM stakeholders",
  ]

  @Test(arguments: rewrites)
  func rewritingHistoryFails(_ sql: String) throws {
    try withTemporaryFolder { folder in
      let path = try AtomicityTests.sampleFile(in: folder)
      let counts = try rowCounts(path)
      let error = #expect(throws: DatabaseError.self) {
        try withRawDatabase(path) { db in try db.execute(sql: sql) }
      }
      #expect(error?.message?.contains("append-only") == true)
      #expect(try rowCounts(path) == counts)
      #expect(try SQLiteWorkspace.open(at: path).ledger(for: "acme-ai").transactions.count == 17)
    }
  }

  @Test func foreignKeysAreEnforced() throws {
    try withTemporaryFolder { folder in
      let path = try AtomicityTests.sampleFile(in: folder)
      // A raw connection with GRDB's defaults (foreign keys on) cannot point at nothing.
      #expect(throws: DatabaseError.self) {
        try withRawDatabase(path) { db in
          try db.execute(
            sql: """
              INSERT INTO transactions (company_id, sequence, date, kind, holder_id)
              VALUES ('acme-ai', 99, '2025-01-01', 'issue', 'nobody')
              """)
        }
      }
    }
  }
}
