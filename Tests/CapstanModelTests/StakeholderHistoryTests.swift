import CapstanModel
import Testing

@Suite("Stakeholder rename and set keep a history (in-memory workspace)")
struct StakeholderHistoryTests {
  @Test("a rename shows in the ledger and the list; the old value stays in the history")
  func rename() throws {
    let acme = try Acme()
    try acme.workspace.write { draft in
      try draft.renameStakeholder(acme.ada, to: "Ada Lovelace", date: day("2025-06-01"))
    }
    #expect(try acme.workspace.stakeholders().map(\.name) == ["Ada Lovelace", "Grace", "Linus"])
    #expect(
      try acme.workspace.ledger(for: acme.company).stakeholders[acme.ada]?.name
        == "Ada Lovelace")
    #expect(
      try acme.workspace.stakeholderHistory() == [
        StakeholderChange(
          stakeholder: acme.ada, date: day("2025-06-01"), field: .name, old: "Ada",
          new: "Ada Lovelace")
      ])
  }

  @Test("a rename to a taken name is refused, naming it, and nothing is kept")
  func takenName() throws {
    let acme = try Acme()
    let error = #expect(throws: LedgerError.self) {
      try acme.workspace.write { draft in
        try draft.renameStakeholder(acme.grace, to: "ada", date: day("2025-06-01"))
      }
    }
    #expect(error == .duplicateName(kind: "stakeholder", name: "Ada"))
    #expect(try acme.workspace.stakeholderHistory().isEmpty)
  }

  @Test("set records only what changes, and a write that throws keeps nothing")
  func set() throws {
    let acme = try Acme()
    let changes = try acme.workspace.write { draft in
      try draft.setStakeholder(
        acme.ada, kind: .individual, email: "ada@example.com", date: day("2025-07-01"))
    }
    // Ada is an individual already: only the e-mail (none → ada@example.com) is recorded.
    #expect(changes.map(\.field) == [.email])
    #expect(throws: Abort.self) {
      try acme.workspace.write { draft in
        try draft.setStakeholder(acme.ada, kind: .institution, date: day("2025-08-01"))
        throw Abort()
      }
    }
    let ada = try #require(try acme.workspace.stakeholders().first { $0.id == acme.ada })
    #expect(ada.kind == .individual)
    #expect(ada.email == "ada@example.com")
    #expect(try acme.workspace.stakeholderHistory().count == 1)
  }
}
