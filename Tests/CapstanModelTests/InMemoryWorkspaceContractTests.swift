import CapstanModel
import CapstanTestSupport
import Testing

/// The workspace contract (`WorkspaceContract`) on the in-memory store.
@Suite struct InMemoryWorkspaceContractTests {
  @Test(arguments: WorkspaceContract.Check.allCases)
  func contract(_ check: WorkspaceContract.Check) throws {
    let workspace = InMemoryWorkspace()
    try WorkspaceContract.run(check, on: .init(workspace: workspace, reopen: { workspace }))
  }
}
