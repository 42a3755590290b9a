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
      throws: StoreError.unsupportedLocation(
        "postgres://capstan@db/acme",
        reason: "the postgres store is not part of this version of Capstan")
    ) {
      try WorkspaceLocation("postgres://capstan@db/acme")
    }
    #expect(throws: StoreError.self) { try WorkspaceLocation("sqlite:") }
  }
}
