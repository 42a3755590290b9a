import Testing

@testable import CapstanModel

/// `PositionTable`: dense positions with a slot index that remembers every id it held.
@Suite struct PositionTableTests {
  static func position(_ id: SecurityID, _ quantity: Int64) -> StockPosition {
    StockPosition(
      security: id, holder: "ada", shareClass: "common", quantity: Shares(quantity),
      pricePerShare: .zero, date: CalendarDate(daysSinceEpoch: 0), vesting: nil)
  }

  /// Closing a position in the middle moves the last one into its slot; every other id still
  /// finds its own position, and closed ids stay known (never reusable).
  @Test func closingKeepsEveryOtherPositionFindable() {
    var table = PositionTable<StockPosition>()
    for n in 1...5 { table[SecurityID("CS-\(n)")] = Self.position(SecurityID("CS-\(n)"), Int64(n)) }
    table["CS-2"] = nil
    table["CS-5"] = nil  // now the last one
    #expect(table.count == 3)
    #expect(table["CS-2"] == nil)
    #expect(table["CS-5"] == nil)
    for n in [1, 3, 4] { #expect(table[SecurityID("CS-\(n)")]?.quantity == Shares(Int64(n))) }
    // 1 + 3 + 4
    #expect(table.values.reduce(Shares.zero) { $0 + $1.quantity } == 8)
    #expect(Set(table.keys) == ["CS-1", "CS-3", "CS-4"])
    #expect(table.knows("CS-2") && table.knows("CS-5") && !table.knows("CS-6"))
    var again = table
    let claims = [again.claim("CS-2"), again.claim("CS-3"), again.claim("CS-6")]
    #expect(claims == [false, false, true])
    #expect(again["CS-6"] == nil)
    #expect(again.knows("CS-6"))
  }

  /// `update` changes an open position in place and ignores a closed one.
  @Test func updateChangesOnlyOpenPositions() {
    var table = PositionTable<StockPosition>()
    table["CS-1"] = Self.position("CS-1", 10)
    table["CS-2"] = Self.position("CS-2", 20)
    table["CS-1"] = nil
    table.update("CS-1") { $0.quantity = 99 }
    table.update("CS-2") { $0.quantity = 21 }
    #expect(table["CS-1"] == nil)
    #expect(table["CS-2"]?.quantity == 21)
    #expect(table.count == 1)
  }

  /// A replay refuses an id used before, whether its stock is open or closed.
  @Test func aReusedStockIDIsRefused() throws {
    let company = Company(
      id: "c", name: "C", currency: .usd, incorporated: CalendarDate(iso: "2024-01-01")!)
    let ledger = Ledger(
      company: company, stakeholders: [Stakeholder(id: "ada", name: "Ada")],
      classes: [ShareClass(id: "common", name: "Common", initialAuthorized: 1_000)],
      transactions: [
        Transaction(
          sequence: 1, date: CalendarDate(iso: "2024-02-01")!,
          event: .issueStock(
            StockIssuance(
              security: "CS-1", holder: "ada", shareClass: "common", quantity: 10,
              pricePerShare: .zero))),
        Transaction(
          sequence: 2, date: CalendarDate(iso: "2024-02-02")!,
          event: .cancel(
            Cancellation(security: "CS-1", quantity: 10, balanceSecurity: nil, reason: nil))),
        Transaction(
          sequence: 3, date: CalendarDate(iso: "2024-02-03")!,
          event: .issueStock(
            StockIssuance(
              security: "CS-1", holder: "ada", shareClass: "common", quantity: 5,
              pricePerShare: .zero))),
      ])
    #expect(throws: LedgerFailure.self) { try ledger.replay() }
    #expect(try ledger.replay(asOf: CalendarDate(iso: "2024-02-02")).usedSecurityIDs == ["CS-1"])
  }
}
