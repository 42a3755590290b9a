import Foundation
import Testing

/// Whole-output snapshots of the workspace commands on the demo company.
@Suite struct OutputSnapshotWorkspaceTests {
  @Test func workspaceCommands() throws {
    var snapshot = try OutputSnapshot.demo()
    try snapshot.run([
      "company list", "company show", "stakeholder list", "class list", "plan list",
      "check", "check --format json",
    ])
    try snapshot.assertMatches("workspace")
  }
}
