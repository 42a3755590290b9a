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

@Suite("The last write's batch (in-memory workspace), for capstan undo")
struct LedgerBatchTests {
  /// Acme's fixture records transactions 1–3 (two issuances, a grant); one write of two more
  /// issuances makes 4 and 5 the last batch; a write that throws changes nothing.
  @Test func lastBatchIsTheLastWritesSequences() throws {
    let acme = try Acme()
    try acme.record([
      ("2025-06-01", acme.issue("CS-3", to: acme.linus, 1_000)),
      ("2025-06-02", acme.issue("CS-4", to: acme.grace, 2_000)),
    ])
    #expect(try acme.workspace.lastBatch(for: acme.company) == 4...5)
    #expect(throws: Abort.self) {
      try acme.workspace.write { draft in
        try draft.append(
          [(date: day("2025-06-03"), event: acme.issue("CS-5", to: acme.ada, 1))],
          to: acme.company)
        throw Abort()
      }
    }
    #expect(try acme.workspace.lastBatch(for: acme.company) == 4...5)
  }
}
