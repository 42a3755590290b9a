import CapstanEngine
import CapstanModel
import Testing

/// A warrant on a preferred class is not paid by the waterfall (it treats options and
/// warrants as common); the capitalization lists it so the exit can say so. Bank holds W-1 on
/// 10,000 Common at $0.50 and W-2 on 5,000 Series A at $1.00; Ada holds 90,000 Common.
@Suite("Warrants the waterfall leaves out")
struct LeftOutWarrantTests {
  static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? .today() }

  @Test("the preferred warrant is listed as left out; the common one takes part")
  func preferredWarrantListed() throws {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft -> Company in
      let company = try draft.addCompany(
        name: "Warrant Co", currency: .usd, incorporated: Self.day("2025-01-01"))
      let ada = try draft.addStakeholder(name: "Ada")
      let bank = try draft.addStakeholder(name: "Bank", kind: .institution)
      let common = try draft.addClass(
        ShareClass(id: "c", name: "Common", initialAuthorized: 1_000_000), to: company.id)
      let seriesA = try draft.addClass(
        ShareClass(
          id: "a", name: "Series A", kind: .preferred, initialAuthorized: 100_000,
          originalIssuePrice: Ratio(1)), to: company.id)
      try draft.append(
        [
          (
            Self.day("2025-01-01"),
            .issueStock(
              StockIssuance(
                security: "CS-1", holder: ada.id, shareClass: common.id, quantity: 90_000,
                pricePerShare: Ratio(1, 10_000)))
          ),
          (
            Self.day("2025-02-01"),
            .issueWarrant(
              WarrantIssuance(
                security: "W-1", holder: bank.id, shareClass: common.id, quantity: 10_000,
                strike: Ratio(1, 2)))
          ),
          (
            Self.day("2025-02-01"),
            .issueWarrant(
              WarrantIssuance(
                security: "W-2", holder: bank.id, shareClass: seriesA.id, quantity: 5_000,
                strike: Ratio(1)))
          ),
        ], to: company.id)
      return company
    }
    let table = try workspace.ledger(for: company.id).replay()
    let capitalization = WaterfallCapitalization(table)
    // W-1 (common) takes part like a vested option: one holding of 10,000 at $0.50.
    #expect(capitalization.options.map(\.outstanding) == [Shares(10_000)])
    #expect(capitalization.options.map(\.kind) == [.warrant])
    // W-2 (Series A) is left out, and listed with its class, shares and strike.
    #expect(capitalization.leftOutWarrants.count == 1)
    let left = try #require(capitalization.leftOutWarrants.first)
    #expect(left.security == "W-2")
    #expect(left.holderName == "Bank")
    #expect(left.className == "Series A")
    #expect(left.shares == Shares(5_000))
    #expect(left.strike == Ratio(1))
  }
}
