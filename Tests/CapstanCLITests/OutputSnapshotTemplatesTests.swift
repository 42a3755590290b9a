import Foundation
import Testing

/// Whole-output transcript of `templates`, which takes no workspace: the list, one template
/// printed, and an unknown name refused.
@Suite struct OutputSnapshotTemplatesTests {
  @Test func templatesCommands() throws {
    var snapshot = try OutputSnapshot.empty()
    for line in ["templates list", "templates show post-money-safe", "templates show nonesuch"] {
      try snapshot.run(line, withDB: false)
    }
    try snapshot.assertMatches("templates")
  }
}
