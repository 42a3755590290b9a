import CapstanModel
import Testing

/// A void recorded through the draft's raw `append` (as importers do) is checked like one
/// recorded through `void(...)`: it must name an earlier transaction, not a void, voided once.
/// Otherwise a void of sequence 99 would silently take out whatever is recorded as 99 later.
@Suite struct VoidIntegrityTests {
  static let day = CalendarDate(iso: "2025-01-01") ?? CalendarDate(daysSinceEpoch: 20_089)

  /// A workspace with Co: Common, Ada, and transaction 1 issuing her 1,000 shares.
  static func company() throws -> (InMemoryWorkspace, Company.ID) {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft -> Company.ID in
      let company = try draft.addCompany(name: "Co", currency: .usd, incorporated: day)
      let ada = try draft.addStakeholder(name: "Ada")
      let common = try draft.addClass(
        ShareClass(id: "c", name: "Common", initialAuthorized: 10_000), to: company.id)
      try draft.append(
        [
          (
            day,
            .issueStock(
              StockIssuance(
                security: "CS-1", holder: ada.id, shareClass: common.id, quantity: 1_000,
                pricePerShare: .one))
          )
        ], to: company.id)
      return company.id
    }
    return (workspace, company)
  }

  static func void(_ target: Int) -> (date: CalendarDate, event: LedgerEvent) {
    (day, .void(Voiding(transaction: target, reason: "test")))
  }

  @Test func aVoidOfATransactionNotYetRecordedIsRefused() throws {
    let (workspace, company) = try Self.company()
    // Transaction 2 would void 3, which does not exist yet.
    #expect(throws: LedgerFailure.self) {
      try workspace.write { draft in try draft.append([Self.void(3)], to: company) }
    }
    #expect(try workspace.ledger(for: company).transactions.count == 1)
  }

  @Test func aVoidOfAVoidOrASecondVoidIsRefused() throws {
    let (workspace, company) = try Self.company()
    try workspace.write { draft in try draft.append([Self.void(1)], to: company) }
    // 3 voiding 1 again, and 3 voiding the void 2: both refused.
    for target in [1, 2] {
      #expect(throws: LedgerFailure.self) {
        try workspace.write { draft in try draft.append([Self.void(target)], to: company) }
      }
    }
    #expect(try workspace.ledger(for: company).transactions.count == 2)
  }

  @Test func aVoidOfAnEarlierTransactionIsKept() throws {
    let (workspace, company) = try Self.company()
    try workspace.write { draft in try draft.append([Self.void(1)], to: company) }
    let ledger = try workspace.ledger(for: company)
    // Ada's 1,000 shares are voided: nothing outstanding.
    #expect(try ledger.replay().stock.isEmpty)
  }
}
