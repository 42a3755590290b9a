import CapstanModel
import Testing

extension WorkspaceContract {
  /// Users, roles and tokens read back exactly through another handle; a body that throws
  /// keeps none of them (nor an audit record); a second user with the same e-mail (any case),
  /// a holder without a stakeholder and a role in an unknown company are refused.
  static func accessReadsBack(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    let auditBefore = try subject.workspace.auditRecords().count
    try subject.workspace.write { draft in
      try draft.addUser(email: "boss@acme.example", isAdmin: true)
      try draft.addUser(email: "ada@acme.example")
      try draft.grant(.editor, to: "boss@acme.example", company: company)
      try draft.grant(
        .holder, to: "ada@acme.example", company: company, stakeholder: "Ada Lovelace")
      try draft.addToken(
        for: "ada@acme.example", id: "t1", hash: String(repeating: "ab", count: 32))
    }
    let directory = try subject.reopen().accessDirectory()
    #expect(directory.users.map(\.email) == ["boss@acme.example", "ada@acme.example"])
    #expect(directory.users.map(\.isAdmin) == [true, false])
    #expect(directory.users.map(\.id) == ["boss-acme-example", "ada-acme-example"])
    #expect(
      directory.grants == [
        RoleGrant(user: "boss-acme-example", company: company, role: .editor),
        RoleGrant(
          user: "ada-acme-example", company: company, role: .holder,
          stakeholder: SampleCompany.ada),
      ])
    #expect(directory.tokens.map(\.id) == ["t1"])
    #expect(throws: Abandon.self) {
      try subject.workspace.write { draft in
        try draft.addUser(email: "ghost@acme.example")
        throw Abandon()
      }
    }
    #expect(throws: AccessError.duplicateUser(email: "ADA@acme.example")) {
      try subject.workspace.write { draft in try draft.addUser(email: "ADA@acme.example") }
    }
    #expect(throws: AccessError.holderNeedsStakeholder(email: "boss@acme.example")) {
      try subject.workspace.write { draft in
        try draft.grant(.holder, to: "boss@acme.example", company: company)
      }
    }
    #expect(throws: WorkspaceError.self) {
      try subject.workspace.write { draft in
        try draft.grant(.viewer, to: "boss@acme.example", company: "nope")
      }
    }
    let after = try subject.reopen()
    #expect(try after.accessDirectory() == directory)
    // One record for the write that added the people and roles; none for the refused ones.
    #expect(try after.auditRecords().count == auditBefore + 1)
  }

  /// A token is found by its hash (and only by it); a later grant replaces the role; a removed
  /// user's tokens sign nobody in, and their roles are gone.
  static func tokenFoundByHashUntilRemoved(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    let hash = String(repeating: "0f", count: 32)
    try subject.workspace.write { draft in
      try draft.addUser(email: "eve@acme.example")
      try draft.grant(.viewer, to: "eve@acme.example", company: company)
      try draft.addToken(for: "eve@acme.example", id: "t-eve", hash: hash)
    }
    let directory = try subject.reopen().accessDirectory()
    #expect(directory.user(tokenHash: hash)?.email == "eve@acme.example")
    #expect(directory.user(tokenHash: hash.uppercased())?.email == "eve@acme.example")
    #expect(directory.user(tokenHash: String(repeating: "0e", count: 32)) == nil)
    try subject.workspace.write { draft in
      try draft.grant(.summary, to: "eve@acme.example", company: company)
    }
    #expect(
      try subject.reopen().accessDirectory().grant(of: "eve-acme-example", in: company)?.role
        == .summary)
    try subject.workspace.write { draft in try draft.removeUser(email: "EVE@acme.example") }
    let removed = try subject.reopen().accessDirectory()
    #expect(removed.user(tokenHash: hash) == nil)
    #expect(removed.grants(of: "eve-acme-example").isEmpty)
    #expect(removed.users.isEmpty)
    #expect(throws: AccessError.unknownUser(email: "eve@acme.example")) {
      try subject.workspace.write { draft in
        try draft.addToken(for: "eve@acme.example", id: "t2", hash: hash)
      }
    }
  }

  /// Every write appends audit records in its own transaction: one per company changed, with
  /// the ledger sequences it wrote and the writer's context; a write that throws keeps none.
  static func writesAreAudited(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    let first = try subject.reopen().auditRecords()
    // writeEverything is one write to one company: the sample's events get sequences 1...n.
    #expect(first.count == 1)
    #expect(first.first?.company == company)
    #expect(first.first?.sequences == 1...SampleCompany.events.count)
    #expect(first.first?.who.hasPrefix("cli:") == true)
    #expect(first.first?.from == "cli")
    let context = AuditContext(
      who: "boss-acme-example", from: "192.0.2.7", requestID: "req-1", action: "POST issuances")
    let next = SampleCompany.events.count + 1
    try subject.workspace.write { draft in
      draft.audit(as: context)
      try draft.append(
        [
          (
            day("2025-06-01"),
            .issueStock(
              StockIssuance(
                security: "CS-900", holder: SampleCompany.grace,
                shareClass: SampleCompany.commonID, quantity: 1_000, pricePerShare: fraction(1, 10))
            )
          )
        ], to: company)
    }
    #expect(throws: Abandon.self) {
      try subject.workspace.write { draft in
        draft.audit(as: context)
        try draft.addUser(email: "ghost@acme.example")
        throw Abandon()
      }
    }
    let records = try subject.reopen().auditRecords()
    #expect(records.count == 2)
    let last = try #require(records.last)
    #expect(last.who == "boss-acme-example")
    #expect(last.from == "192.0.2.7")
    #expect(last.requestID == "req-1")
    #expect(last.action == "POST issuances")
    #expect(last.company == company)
    #expect(last.sequences == next...next)
    #expect(last.at.hasSuffix("Z"))
    #expect(Set(records.map(\.id)).count == 2)
  }
}
