import CapstanModel
import Testing

/// An error a write body throws on purpose.
struct Abort: Error {}

@Suite("Workspace writes through WorkspaceDraft")
struct WorkspaceTests {
  @Test("ids are made from names")
  func ids() throws {
    let acme = try Acme()
    #expect(acme.company == "acme-ai")  // "Acme AI" → acme-ai
    #expect(acme.ada == "ada")
    #expect(acme.common == "common")
    #expect(acme.plan == "2025-plan")  // "2025 Plan" → 2025-plan
    #expect(try acme.workspace.companies().map(\.name) == ["Acme AI"])
    #expect(try acme.workspace.stakeholders().map(\.name) == ["Ada", "Grace", "Linus"])
  }

  @Test("duplicate names are refused, ignoring case and surrounding spaces")
  func duplicateNames() throws {
    let acme = try Acme()
    let company = #expect(throws: LedgerError.self) {
      try acme.workspace.write { draft in
        try draft.addCompany(name: "  acme ai ", currency: .usd, incorporated: day("2025-01-01"))
      }
    }
    #expect(company == .duplicateName(kind: "company", name: "acme ai"))
    #expect(company?.description == "a company named 'acme ai' already exists")

    let stakeholder = #expect(throws: LedgerError.self) {
      try acme.workspace.write { draft in try draft.addStakeholder(name: "ADA") }
    }
    #expect(stakeholder == .duplicateName(kind: "stakeholder", name: "ADA"))

    let shareClass = #expect(throws: LedgerError.self) {
      try acme.workspace.write { draft in
        try draft.addClass(
          ShareClass(id: "x", name: "common ", initialAuthorized: 1), to: acme.company)
      }
    }
    #expect(shareClass == .duplicateName(kind: "share class", name: "common"))

    let plan = #expect(throws: LedgerError.self) {
      try acme.workspace.write { draft in
        try draft.addPlan(
          StockPlan(
            id: "x", name: "2025 plan", shareClass: acme.common, initialReserve: 1,
            adopted: day("2025-06-01")),
          to: acme.company)
      }
    }
    #expect(plan == .duplicateName(kind: "stock plan", name: "2025 plan"))
    #expect(plan?.description.contains("'2025 plan'") == true)

    // a second company may reuse class and plan names
    try acme.workspace.write { draft in
      let other = try draft.addCompany(
        name: "Beta", currency: .usd, incorporated: day("2025-01-01"))
      let common = try draft.addClass(
        ShareClass(id: "x", name: "Common", initialAuthorized: 10), to: other.id)
      _ = try draft.addPlan(
        StockPlan(
          id: "x", name: "2025 Plan", shareClass: common.id, initialReserve: 1,
          adopted: day("2025-01-01")),
        to: other.id)
    }
    #expect(try acme.workspace.companies().map(\.name) == ["Acme AI", "Beta"])
  }

  @Test("a write whose body throws leaves the workspace unchanged")
  func atomicOnThrow() throws {
    let acme = try Acme()
    #expect(throws: Abort.self) {
      try acme.workspace.write { draft in
        let margaret = try draft.addStakeholder(name: "Margaret")
        _ = try draft.addCompany(name: "Gamma", currency: .usd, incorporated: day("2025-01-01"))
        _ = try draft.addClass(
          ShareClass(id: "x", name: "Preferred", kind: .preferred, initialAuthorized: 100),
          to: acme.company)
        try draft.append(
          [(date: day("2025-06-01"), event: acme.issue("CS-3", to: margaret.id, 1_000))],
          to: acme.company)
        // the draft sees its own additions
        let table = try draft.ledger(for: acme.company).replay()
        #expect(table.stockHeld(by: margaret.id) == Shares(1_000))
        throw Abort()
      }
    }
    #expect(try acme.workspace.stakeholders().map(\.name) == ["Ada", "Grace", "Linus"])
    #expect(try acme.workspace.companies().map(\.name) == ["Acme AI"])
    let ledger = try acme.ledger()
    #expect(ledger.transactions.count == 3)
    #expect(ledger.classes.map(\.name) == ["Common"])
    #expect(ledger.stakeholders.count == 3)
    #expect(try acme.table().classes[acme.common]?.outstanding == Shares(8_000_000))
  }

  @Test("a refused transaction in a write keeps nothing of that write")
  func atomicOnLedgerFailure() throws {
    let acme = try Acme()
    #expect(throws: LedgerFailure.self) {
      try acme.workspace.write { draft in
        _ = try draft.addStakeholder(name: "Margaret")
        // room after the first: 10,000,000 − 8,000,000 − 1,000,000 − 1,000 = 999,000
        try draft.append(
          [
            (date: day("2025-06-01"), event: acme.issue("CS-3", to: acme.ada, 1_000)),
            (date: day("2025-06-02"), event: acme.issue("CS-4", to: acme.ada, 999_001)),
          ], to: acme.company)
      }
    }
    #expect(try acme.workspace.stakeholders().count == 3)
    #expect(try acme.ledger().transactions.count == 3)
  }

  @Test("a back-dated transaction that breaks a later one is refused, naming the later one")
  func backDatedBreaksLater() throws {
    let acme = try Acme()
    // fills Common exactly: 8,000,000 + 1,000,000 reserved + 1,000,000 = 10,000,000
    try acme.record("2025-06-01", acme.issue("CS-3", to: acme.linus, 1_000_000))
    // one more share in the pool on 2025-04-01 fits then (room 1,000,000), but leaves the
    // 2025-06-01 issuance one share short
    let failure = #expect(throws: LedgerFailure.self) {
      try acme.record("2025-04-01", Event.increasePool(acme.plan, 1))
    }
    #expect(failure?.transaction?.sequence == 4)
    #expect(failure?.context == "transaction 4 (issue, 2025-06-01)")
    #expect(
      failure?.error
        == .exceedsAuthorized(
          className: "Common", authorized: 10_000_000, outstanding: 8_000_000,
          reserved: 1_000_001, requested: 1_000_000))
    let ledger = try acme.ledger()
    #expect(ledger.transactions.count == 4)
    #expect(try ledger.replay().plans[acme.plan]?.available == Shares(750_000))
  }

  @Test("a back-dated exercise before its grant is refused")
  func backDatedBeforeGrant() throws {
    let acme = try Acme()
    #expect(
      acme.refusal("2025-02-01", Event.exercise(Acme.linusGrant, 1, into: "CS-3"))
        == .unknownSecurity(Acme.linusGrant, date: day("2025-02-01")))
  }

  @Test("a plan adopted before a later reverse split is checked in the units of its date")
  func backDatedPlanBeforeReverseSplit() throws {
    // Acme without the grant: Common 10,000,000 authorized, 2025 Plan 1,000,000, Ada and Grace
    // 8,000,000 on 2025-01-15; then a 1:10 split on 2025-06-01 (authorized 1,000,000,
    // outstanding 800,000, 2025 Plan 100,000).
    // A 500,000 plan adopted on 2025-01-15 fits on that date: 8,000,000 + 1,000,000 + 500,000
    // = 9,500,000 ≤ 10,000,000; the split makes it 50,000: 800,000 + 100,000 + 50,000 ≤ 1,000,000.
    let acme = try Acme(withGrant: false)
    try acme.record("2025-06-01", Event.split(acme.common, frac(1, 10)))
    let early = StockPlan(
      id: "early-plan", name: "Early Plan", shareClass: acme.common, initialReserve: 500_000,
      adopted: day("2025-01-15"))
    // replaying the ledger with the plan in place is fine
    var ledger = try acme.ledger()
    ledger.plans.append(early)
    let replayed = try ledger.replay()
    #expect(replayed.plans[early.id]?.available == Shares(50_000))
    #expect(replayed.classes[acme.common]?.outstanding == Shares(800_000))
    // but adding it through the workspace compares 500,000 pre-split shares with the
    // post-split class: 800,000 + 100,000 + 500,000 > 1,000,000
    do {
      _ = try acme.workspace.write { draft in try draft.addPlan(early, to: acme.company) }
    }
  }

  @Test("company(named:) finds by name, case-insensitively, or the only one")
  func companyNamed() throws {
    let empty = InMemoryWorkspace()
    #expect(throws: WorkspaceError.noCompany) { try empty.company(named: nil) }
    let acme = try Acme()
    #expect(try acme.workspace.company(named: nil).name == "Acme AI")
    #expect(try acme.workspace.company(named: "ACME AI").id == acme.company)
    let unknown = #expect(throws: WorkspaceError.self) { try acme.workspace.company(named: "Beta") }
    #expect(unknown == .unknownCompany("Beta", known: ["Acme AI"]))
    #expect(unknown?.description.contains("'Beta'") == true)
    _ = try acme.workspace.write { draft in
      try draft.addCompany(name: "Beta", currency: .usd, incorporated: day("2025-01-01"))
    }
    #expect(throws: WorkspaceError.companyRequired(known: ["Acme AI", "Beta"])) {
      try acme.workspace.company(named: nil)
    }
    #expect(throws: WorkspaceError.self) { try acme.workspace.ledger(for: "nope") }
  }

  @Test("addPlan refuses an adoption before incorporation and a negative reserve")
  func addPlanChecks() throws {
    let acme = try Acme()
    let early = #expect(throws: LedgerError.self) {
      try acme.workspace.write { draft in
        try draft.addPlan(
          StockPlan(
            id: "x", name: "Old Plan", shareClass: acme.common, initialReserve: 1,
            adopted: day("2025-01-14")),
          to: acme.company)
      }
    }
    #expect(
      early
        == .beforeIncorporation(
          date: day("2025-01-14"), incorporated: day("2025-01-15"), company: "Acme AI"))
    let negative = #expect(throws: LedgerError.self) {
      try acme.workspace.write { draft in
        try draft.addPlan(
          StockPlan(
            id: "x", name: "Odd Plan", shareClass: acme.common, initialReserve: -1,
            adopted: day("2025-06-01")),
          to: acme.company)
      }
    }
    #expect(negative == .nonPositiveQuantity(what: "reserve of Odd Plan", quantity: -1))
    let unknownClass = #expect(throws: LedgerFailure.self) {
      try acme.workspace.write { draft in
        try draft.addPlan(
          StockPlan(
            id: "x", name: "Pref Plan", shareClass: "preferred", initialReserve: 1,
            adopted: day("2025-06-01")),
          to: acme.company)
      }
    }
    #expect(unknownClass?.error == .unknownClass("preferred"))
  }
}
