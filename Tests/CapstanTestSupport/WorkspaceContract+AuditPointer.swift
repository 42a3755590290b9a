import CapstanModel
import Testing

extension WorkspaceContract {
  /// Every ledger row a write records points at that write's audit record for its company
  /// (read through another handle); a write that throws points nothing anywhere.
  static func ledgerRowsPointAtTheirAudit(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    let count = SampleCompany.events.count
    let first = try #require(try subject.reopen().auditRecords().first)
    let ids = try subject.reopen().transactionAuditIDs(for: company)
    // writeEverything is one write: sequences 1...count all point at its only record.
    #expect(ids.keys.sorted() == Array(1...count))
    #expect(Set(ids.values) == [first.id])
    let context = AuditContext(
      who: "boss-acme-example", from: "192.0.2.9", requestID: "req-ptr", action: "POST")
    let issue = { (security: String) -> (CalendarDate, LedgerEvent) in
      (
        day("2025-06-01"),
        .issueStock(
          StockIssuance(
            security: .init(security), holder: SampleCompany.grace,
            shareClass: SampleCompany.commonID, quantity: 10, pricePerShare: fraction(1, 10)))
      )
    }
    try subject.workspace.write { draft in
      draft.audit(as: context)
      try draft.append([issue("CS-901"), issue("CS-902")], to: company)
    }
    #expect(throws: Abandon.self) {
      try subject.workspace.write { draft in
        try draft.append([issue("CS-903")], to: company)
        throw Abandon()
      }
    }
    let other = try subject.reopen()
    let second = try #require(try other.auditRecords().last)
    #expect(second.requestID == "req-ptr")
    #expect(second.id != first.id)
    // The two rows of the second write (sequences count+1, count+2) name its record.
    for sequence in [count + 1, count + 2] {
      #expect(try other.auditRecord(ofTransaction: sequence, company: company) == second)
    }
    #expect(try other.auditRecord(ofTransaction: 1, company: company) == first)
    #expect(try other.transactionAuditIDs(for: company).count == count + 2)
    #expect(try other.auditRecord(ofTransaction: count + 3, company: company) == nil)
    #expect(try other.transactionAuditIDs(for: "no-such-company").isEmpty)
  }
}

extension WorkspaceContract {
  /// `workspace copy` into this store: the users, roles and tokens as they stand, every audit
  /// record (ids and all) before the copy's own, and each ledger row's pointer to its record.
  static func copyCarriesPeopleAndAudit(_ subject: Subject) throws {
    let source = InMemoryWorkspace()
    let company = try writeEverything(source)
    try source.write { draft in
      try draft.addUser(email: "boss@acme.example", isAdmin: true)
      try draft.addUser(email: "gone@acme.example")
      try draft.grant(.editor, to: "boss@acme.example", company: company)
      try draft.addToken(
        for: "boss@acme.example", id: "t1", hash: String(repeating: "cd", count: 32))
    }
    try source.write { draft in
      draft.audit(
        as: AuditContext(who: "boss-acme-example", from: "192.0.2.1", requestID: "r", action: "a"))
      try draft.removeUser(email: "gone@acme.example")
      try draft.append(
        [
          (
            day("2025-06-01"),
            .issueStock(
              StockIssuance(
                security: "CS-950", holder: SampleCompany.grace,
                shareClass: SampleCompany.commonID, quantity: 5, pricePerShare: fraction(1, 10)))
          )
        ], to: company)
    }
    try subject.workspace.write { draft in try draft.copy(from: source) }
    let copy = try subject.reopen()
    #expect(try copy.accessDirectory() == source.accessDirectory())
    #expect(try copy.accessDirectory().users.map(\.email) == ["boss@acme.example"])
    let original = try source.auditRecords()
    let copied = try copy.auditRecords()
    // Three writes there (everything, the people, the issuance), then the copy's own record.
    #expect(original.count == 3)
    #expect(Array(copied.prefix(original.count)) == original)
    #expect(copied.count == original.count + 1)
    #expect(copied.last?.company == company)
    #expect(try copy.transactionAuditIDs(for: company) == source.transactionAuditIDs(for: company))
    let last = SampleCompany.events.count + 1
    #expect(try copy.auditRecord(ofTransaction: last, company: company)?.requestID == "r")
  }
}
