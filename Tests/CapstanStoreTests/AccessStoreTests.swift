import CapstanModel
import CapstanStore
import CapstanTestSupport
import GRDB
import Testing

/// The people and the audit in the SQLite file: both tables refuse UPDATE and DELETE, and a
/// file from before `v16-access` reads as having none.
@Suite struct AccessStoreTests {
  static let rewrites = [
    "UPDATE access_changes SET body = '{}'",
    "DELETE FROM access_changes",
    "UPDATE audit_records SET body = '{}'",
    "DELETE FROM audit_records",
  ]

  @Test(arguments: rewrites)
  func rewritingThePeopleOrTheAuditFails(_ sql: String) throws {
    try withTemporaryFolder { folder in
      let path = try AtomicityTests.sampleFile(in: folder)
      let workspace = try SQLiteWorkspace.open(at: path)
      try workspace.write { draft in
        try draft.addUser(email: "boss@acme.example", isAdmin: true)
      }
      // The sample company's write and the user's: two audit records.
      #expect(try workspace.auditRecords().count == 2)
      let error = #expect(throws: DatabaseError.self) {
        try withRawDatabase(path) { db in try db.execute(sql: sql) }
      }
      #expect(error?.message?.contains("append-only") == true)
      let reopened = try SQLiteWorkspace.open(at: path)
      #expect(try reopened.auditRecords().count == 2)
      #expect(try reopened.accessDirectory().users.map(\.email) == ["boss@acme.example"])
    }
  }
}
