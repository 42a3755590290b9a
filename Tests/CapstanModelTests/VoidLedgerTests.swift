import CapstanModel
import Testing

/// Voids: a correction that replay honours on every date, refused when something depends on
/// what it voids.
@Suite("Voided transactions in the ledger")
struct VoidLedgerTests {
  /// Acme's transactions are 1 (Ada), 2 (Grace), 3 (Linus's grant); 4 issues 1,000 to Linus.
  func withMistake() throws -> Acme {
    let acme = try Acme()
    try acme.record("2025-06-01", acme.issue("CS-3", to: acme.linus, 1_000))
    return acme
  }

  /// Voided on 2025-07-01, CS-3 is gone on every date, before the void's date too; Common
  /// outstanding is back to 8,000,000.
  @Test func replayLeavesTheVoidedTransactionOut() throws {
    let acme = try withMistake()
    try acme.workspace.write { draft in
      try draft.void([4], reason: "wrong holder", date: day("2025-07-01"), company: acme.company)
    }
    for date in ["2025-06-15", "2025-12-31"] {
      let table = try acme.table(asOf: date)
      #expect(table.stock["CS-3"] == nil)
      #expect(table.classes[acme.common]?.outstanding == Shares(8_000_000))
    }
    let ledger = try acme.ledger()
    #expect(ledger.transactions.count == 5)
    #expect(ledger.voids == [4: 5])
    #expect(ledger.effectiveTransactions.map(\.sequence) == [1, 2, 3])
  }

  /// Transfer 5 moves 400 of CS-3 (as CS-4, balance CS-5), transfer 6 moves 100 of the
  /// balance CS-5: both depend on 4, in replay order; voiding 4 alone is refused naming 5.
  @Test func dependantsAreFoundThroughTheChain() throws {
    let acme = try withMistake()
    try acme.record(
      "2025-07-01",
      .transfer(
        Transfer(
          security: "CS-3", to: acme.ada, quantity: 400, resultingSecurity: "CS-4",
          balanceSecurity: "CS-5")))
    try acme.record(
      "2025-08-01",
      .transfer(
        Transfer(
          security: "CS-5", to: acme.grace, quantity: 100, resultingSecurity: "CS-6",
          balanceSecurity: "CS-7")))
    #expect(try acme.ledger().dependants(of: 4).map(\.sequence) == [5, 6])
    #expect(try acme.ledger().dependants(of: 1).map(\.sequence) == [])
    #expect {
      try acme.workspace.write { draft in
        try draft.void([4], reason: "x", date: day("2025-09-01"), company: acme.company)
      }
    } throws: { error in
      "\(error)".contains("transaction 5 (transfer CS-3, 2025-07-01)")
    }
    #expect(try acme.ledger().transactions.count == 6)
    try acme.workspace.write { draft in
      try draft.void([4, 5, 6], reason: "x", date: day("2025-09-01"), company: acme.company)
    }
    #expect(try acme.table().classes[acme.common]?.outstanding == Shares(8_000_000))
  }

  @Test func unknownVoidedTwiceOrAVoidAreRefused() throws {
    let acme = try withMistake()
    func void(_ sequence: Int) throws {
      try acme.workspace.write { draft in
        try draft.void([sequence], reason: "x", date: day("2025-07-01"), company: acme.company)
      }
    }
    #expect(
      throws: LedgerError.invalidVoid(transaction: 9, problem: "the ledger has no transaction 9")
    ) {
      try void(9)
    }
    try void(4)
    #expect(
      throws: LedgerError.invalidVoid(
        transaction: 4, problem: "it is voided already (by transaction 5)")
    ) { try void(4) }
    #expect(throws: LedgerError.invalidVoid(transaction: 5, problem: "it is a void itself")) {
      try void(5)
    }
  }

  /// A later entry: one transaction after 2025-05-31, the issue of CS-3 on 2025-06-01.
  @Test func laterEntriesCountAndDescribe() throws {
    let acme = try withMistake()
    let later = try #require(try acme.ledger().laterEntries(after: day("2025-05-31")))
    #expect(later.count == 1)
    #expect(later.latest == day("2025-06-01"))
    #expect(
      later.note
        == "Note: 1 transaction dated after 2025-05-31 is not shown (latest 2025-06-01: issue CS-3); use --as-of 2025-06-01 or --as-of latest."
    )
    #expect(try acme.ledger().laterEntries(after: day("2025-06-01")) == nil)
    #expect(try acme.ledger().latestDate == day("2025-06-01"))
  }
}
