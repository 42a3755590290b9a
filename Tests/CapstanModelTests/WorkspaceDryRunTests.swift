import Testing

@testable import CapstanModel

/// `Workspace.write(dryRun:_:)`: an import's `--dry-run` is the real write, rolled back.
@Suite struct WorkspaceDryRunTests {
  static let day = CalendarDate(iso: "2025-01-01") ?? CalendarDate(daysSinceEpoch: 0)

  @Test("a dry run returns what the write gave and keeps nothing")
  func dryRun() throws {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write(dryRun: true) { draft in
      try draft.addCompany(name: "Dry Co", currency: .usd, incorporated: Self.day)
    }
    #expect(company.name == "Dry Co")
    #expect(try workspace.companies().isEmpty)
    _ = try workspace.write(dryRun: false) { draft in
      try draft.addCompany(name: "Wet Co", currency: .usd, incorporated: Self.day)
    }
    #expect(try workspace.companies().map(\.name) == ["Wet Co"])
  }

  @Test("a dry run's refusal is the write's refusal")
  func refusal() throws {
    let workspace = InMemoryWorkspace()
    _ = try workspace.write { draft in
      try draft.addCompany(name: "Acme", currency: .usd, incorporated: Self.day)
    }
    // A second company of the same name is refused, dry run or not.
    #expect(throws: (any Error).self) {
      try workspace.write(dryRun: true) { draft in
        try draft.addCompany(name: "Acme", currency: .usd, incorporated: Self.day)
      }
    }
    #expect(try workspace.companies().count == 1)
  }
}
