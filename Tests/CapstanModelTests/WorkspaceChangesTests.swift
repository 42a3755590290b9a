import CapstanModel
import Testing

/// `WorkspaceChanges.isEmpty` counts every kind of change a write can make.
@Suite("Workspace changes")
struct WorkspaceChangesTests {
  @Test("a write that adds only a control record is not empty")
  func controlRecordOnly() throws {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in
      try draft.addCompany(name: "Segment Co", currency: .usd, incorporated: day("2025-01-01")).id
    }
    try workspace.write { draft in
      #expect(draft.changes.isEmpty)
      try draft.addControlRecord(
        ControlRecord(date: day("2025-02-01"), fact: .segment("robotics")), to: company)
      #expect(!draft.changes.isEmpty)
    }
  }
}
