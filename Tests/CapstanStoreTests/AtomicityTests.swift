import CapstanModel
import CapstanStore
import CapstanTestSupport
import Testing

@Suite struct AtomicityTests {
  struct Interrupted: Error, Equatable {}

  /// One more valid issuance of Common to Ada.
  static func issue(_ security: SecurityID, _ quantity: Shares) -> (CalendarDate, LedgerEvent) {
    (
      day("2025-11-01"),
      .issueStock(
        StockIssuance(
          security: security, holder: SampleCompany.ada, shareClass: SampleCompany.commonID,
          quantity: quantity, pricePerShare: fraction(1, 10)))
    )
  }

  /// A workspace holding the sample company, closed; returns its path.
  static func sampleFile(in folder: String) throws -> String {
    let path = folder + "/acme.capstan"
    let workspace = try SQLiteWorkspace.create(at: path)
    try workspace.write { try SampleCompany.record(in: &$0) }
    return path
  }

  @Test func aBodyThatThrowsWritesNothing() throws {
    try withTemporaryFolder { folder in
      let path = try Self.sampleFile(in: folder)
      let bytesBefore = contents(of: path)
      let countsBefore = try rowCounts(path)
      #expect(countsBefore["transactions"] == 17)
      // Closing the last connection checkpoints the WAL into the main file and removes it.
      #expect(!exists(path + "-wal"))
      do {
        let workspace = try SQLiteWorkspace.open(at: path)
        let before = try workspace.ledger(for: "acme-ai")
        #expect(throws: Interrupted()) {
          try workspace.write { draft in
            try SampleCompany.addPeople(to: &draft)
            _ = try draft.addStakeholder(name: "Linus")
            _ = try draft.addCompany(
              name: "Other Co", currency: .usd, incorporated: day("2025-01-01"))
            try draft.append(
              [Self.issue("CS-100", 1_000), Self.issue("CS-101", 2_000)], to: "acme-ai")
            throw Interrupted()
          }
        }
        let after = try workspace.ledger(for: "acme-ai")
        #expect(after.transactions == before.transactions)
        #expect(after.stakeholders.count == 3)
        #expect(try workspace.companies().map(\.name) == ["Acme AI"])
      }
      #expect(try rowCounts(path) == countsBefore)
      #expect(contents(of: path) == bytesBefore)
    }
  }

  @Test func anInvalidSecondEventWritesNothingAndTheLedgerFailurePropagates() throws {
    try withTemporaryFolder { folder in
      let path = try Self.sampleFile(in: folder)
      let countsBefore = try rowCounts(path)
      let workspace = try SQLiteWorkspace.open(at: path)
      let before = try workspace.ledger(for: "acme-ai")
      // On 2025-11-01 Common has 50,000,000 authorized, 11,880,000 issued and
      // 1,900,000 + 240,000 = 2,140,000 reserved: 35,980,000 remain. After CS-100's
      // 1,000,000, 34,980,000 remain, so 40,000,000 more is refused.
      let failure = #expect(throws: LedgerFailure.self) {
        try workspace.write { draft in
          try draft.append(
            [Self.issue("CS-100", 1_000_000), Self.issue("CS-101", 40_000_000)], to: "acme-ai")
        }
      }
      #expect(failure?.transaction?.sequence == 19)
      #expect(
        failure?.error
          == .exceedsAuthorized(
            className: "Common", authorized: 50_000_000, outstanding: 12_880_000,
            reserved: 2_140_000, requested: 40_000_000))
      #expect(try workspace.ledger(for: "acme-ai").transactions == before.transactions)
      #expect(try rowCounts(path) == countsBefore)
    }
  }

  @Test func aFailureAfterAnEarlierValidAppendInTheSameWriteWritesNothing() throws {
    try withTemporaryFolder { folder in
      let path = try Self.sampleFile(in: folder)
      let workspace = try SQLiteWorkspace.open(at: path)
      #expect(throws: LedgerFailure.self) {
        try workspace.write { draft in
          try draft.append([Self.issue("CS-100", 1_000)], to: "acme-ai")
          // CS-100 is taken by the append above.
          try draft.append([Self.issue("CS-100", 1_000)], to: "acme-ai")
        }
      }
      #expect(try workspace.ledger(for: "acme-ai").transactions.count == 17)
    }
  }

  @Test func inputErrorsOfTheBodyPropagateUnchanged() throws {
    try withTemporaryFolder { folder in
      let workspace = try SQLiteWorkspace.create(at: folder + "/w.capstan")
      #expect(throws: InputError.self) {
        try workspace.write { _ in
          _ = try VestingSchedule.parse("48/60/1", start: day("2025-01-01"))
        }
      }
      #expect(throws: LedgerError.duplicateName(kind: "company", name: "acme")) {
        try workspace.write { draft in
          _ = try draft.addCompany(name: "Acme", currency: .usd, incorporated: day("2025-01-01"))
          _ = try draft.addCompany(name: "acme", currency: .usd, incorporated: day("2025-01-01"))
        }
      }
      #expect(try workspace.companies().isEmpty)
    }
  }

  @Test func aWriteReturnsTheBodysResultAndKeepsEverything() throws {
    try withTemporaryFolder { folder in
      let workspace = try SQLiteWorkspace.create(at: folder + "/w.capstan")
      let added = try workspace.write { draft in
        try SampleCompany.record(in: &draft)
        return try draft.append([Self.issue("CS-100", 1_000)], to: "acme-ai")
      }
      #expect(added.map(\.sequence) == [18])
      #expect(try workspace.ledger(for: "acme-ai").transactions.contains(added[0]))
    }
  }
}
