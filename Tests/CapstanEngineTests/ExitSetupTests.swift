import CapstanModel
import Testing

@testable import CapstanEngine

/// `Ledger.exitSetup`: the waterfall `capstan exit` and the team server price, from a ledger.
@Suite struct ExitSetupTests {
  static func day(_ text: String) -> CalendarDate {
    CalendarDate(iso: text) ?? CalendarDate(daysSinceEpoch: 0)
  }

  /// Ada 9,000,000 Common; Bank a post-money SAFE of 1,000,000 at a 10,000,000 cap.
  static func ledger() throws -> Ledger {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft -> Company in
      let company = try draft.addCompany(
        name: "Exit Co", currency: .usd, incorporated: day("2024-01-01"))
      let ada = try draft.addStakeholder(name: "Ada")
      let bank = try draft.addStakeholder(name: "Bank", kind: .institution)
      let common = try draft.addClass(
        ShareClass(id: "common", name: "Common", initialAuthorized: 10_000_000), to: company.id)
      try draft.append(
        [
          (
            day("2024-01-01"),
            .issueStock(
              StockIssuance(
                security: "CS-1", holder: ada.id, shareClass: common.id, quantity: 9_000_000,
                pricePerShare: Ratio(1, 10_000)))
          ),
          (
            day("2024-06-01"),
            .issueSAFE(
              SAFEIssuance(
                security: "SAFE-1", holder: bank.id, purchaseAmount: Ratio(1_000_000),
                valuationCap: Ratio(10_000_000)))
          ),
        ], to: company.id)
      return company
    }
    return try workspace.ledger(for: company.id)
  }

  @Test("the SAFE outstanding takes the greater of its cash-out and conversion amounts")
  func safeInTheWaterfall() throws {
    let setup = try Self.ledger().exitSetup(asOf: Self.day("2025-01-01"))
    #expect(setup.table.asOf == Self.day("2025-01-01"))
    #expect(setup.waterfall.capitalization.convertibles.count == 1)
    func payout(_ name: String, at value: Int) throws -> Ratio? {
      try setup.waterfall.distribution(at: Ratio(value)).holders
        .first { $0.holderName == name }?.payout
    }
    // Post-money SAFE: 1M / 10M cap = 10 % of the liquidity capitalization (9M + 1M shares).
    // At 100M its conversion amount, 10M, beats the 1M cash-out; Ada gets the other 90M.
    #expect(try payout("Bank", at: 100_000_000) == Ratio(10_000_000))
    #expect(try payout("Ada", at: 100_000_000) == Ratio(90_000_000))
    // At 5M the conversion amount (500k) is below the cash-out: Bank 1M first, Ada 4M.
    #expect(try payout("Bank", at: 5_000_000) == Ratio(1_000_000))
    #expect(try payout("Ada", at: 5_000_000) == Ratio(4_000_000))
  }

  @Test("before the SAFE's date the waterfall has no convertible")
  func beforeTheSAFE() throws {
    let setup = try Self.ledger().exitSetup(
      asOf: Self.day("2024-03-01"), deductions: ExitDeductions(transactionExpenses: Ratio(1_000)))
    // 10,000 − 1,000 expenses = 9,000, all to Ada's common.
    let holders = try setup.waterfall.distribution(at: Ratio(10_000)).holders
    #expect(holders.map(\.payout) == [Ratio(9_000)])
    #expect(setup.waterfall.capitalization.convertibles.isEmpty)
  }
}
