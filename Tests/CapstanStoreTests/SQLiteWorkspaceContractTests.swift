import CapstanModel
import CapstanStore
import CapstanTestSupport
import Testing

/// The workspace contract (`WorkspaceContract`) on the SQLite store, opened through
/// `WorkspaceLocation` as the CLI opens it; `reopen` is a second connection to the file.
@Suite struct SQLiteWorkspaceContractTests {
  @Test(arguments: WorkspaceContract.Check.allCases)
  func contract(_ check: WorkspaceContract.Check) throws {
    try withTemporaryFolder { folder in
      let location = try WorkspaceLocation("sqlite:\(folder)/contract.db")
      let workspace = try location.create()
      try WorkspaceContract.run(
        check, on: .init(workspace: workspace, reopen: { try location.open(wait: 10) }))
    }
  }

  @Test func locationsName() throws {
    #expect(try WorkspaceLocation("acme.db") == .sqlite(path: "acme.db"))
    #expect(try WorkspaceLocation("sqlite:/tmp/a b.db") == .sqlite(path: "/tmp/a b.db"))
    #expect(try WorkspaceLocation("C:/data/acme.db") == .sqlite(path: "C:/data/acme.db"))
    #expect(
      try WorkspaceLocation("postgres://capstan@db/acme")
        == .postgres(url: "postgres://capstan@db/acme"))
    #expect(
      try WorkspaceLocation("postgresql://capstan@db:5433/acme")
        == .postgres(url: "postgresql://capstan@db:5433/acme"))
    // A password is never shown.
    #expect(
      try WorkspaceLocation("postgres://capstan:s3cret@db/acme").description
        == "postgres://capstan:***@db/acme")
    #expect(
      throws: StoreError.unsupportedLocation(
        "mysql://capstan@db/acme", reason: "the mysql store is not part of this version of Capstan")
    ) {
      try WorkspaceLocation("mysql://capstan@db/acme")
    }
    // This module opens SQLite only; the PostgreSQL store is CapstanPostgres's.
    #expect(throws: StoreError.self) {
      try WorkspaceLocation("postgres://capstan@db/acme").open()
    }
    #expect(throws: StoreError.self) { try WorkspaceLocation("sqlite:") }
  }
}
