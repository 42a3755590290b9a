import CapstanModel
import CapstanPostgres
import CapstanStore
import CapstanTestSupport
import Testing

/// The workspace contract (`WorkspaceContract`) on the PostgreSQL store, against a real
/// server started for the suite (`PostgresServer`), each check in a new database, opened
/// through `WorkspaceStores` as the CLI opens it; `reopen` is a second connection.
@Suite(
  .enabled(if: PostgresServer.available, "PostgreSQL is not installed (see the message above)"),
  .postgresServer)
struct PostgresWorkspaceContractTests {
  @Test(arguments: WorkspaceContract.Check.allCases)
  func contract(_ check: WorkspaceContract.Check) throws {
    let server = try #require(PostgresServer.current)
    let location = try WorkspaceLocation(try server.createDatabase())
    let workspace = try WorkspaceStores.create(location)
    try WorkspaceContract.run(
      check, on: .init(workspace: workspace, reopen: { try WorkspaceStores.open(location) }))
  }
}
