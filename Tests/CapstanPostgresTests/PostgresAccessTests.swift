import CapstanModel
import CapstanStore
import CapstanTestSupport
import Testing

@testable import CapstanPostgres

/// The people and the audit on PostgreSQL accept INSERT only, like the ledger.
@Suite(
  .enabled(if: PostgresServer.available, "PostgreSQL is not installed (see the message above)"),
  .postgresServer)
struct PostgresAccessTests {
  @Test func theDatabaseRefusesToRewriteThePeopleOrTheAudit() throws {
    let server = try #require(PostgresServer.current)
    let workspace = try PostgresWorkspace.create(PostgresAddress(server.createDatabase()))
    try workspace.write { draft in
      try SampleCompany.record(in: &draft)
      try draft.addUser(email: "boss@acme.example", isAdmin: true)
    }
    for statement in [
      "UPDATE access_changes SET body = '{}'", "DELETE FROM access_changes",
      "TRUNCATE access_changes",
      "UPDATE audit_records SET at = 'x'", "DELETE FROM audit_records", "TRUNCATE audit_records",
    ] {
      #expect(throws: WorkspaceError.self, "\(statement)") {
        try workspace.locked { try workspace.connection.execute(statement) }
      }
    }
    #expect(try workspace.accessDirectory().users.map(\.email) == ["boss@acme.example"])
    #expect(try workspace.auditRecords().count == 1)
  }
}
