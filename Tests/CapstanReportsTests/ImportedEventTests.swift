import CapstanModel
import CapstanReports
import Testing

/// The import reports' sentences show prices with the company's currency sign, exactly.
@Suite("Imported events in words")
struct ImportedEventTests {
  static func warrant(strike: Ratio) -> LedgerEvent {
    .issueWarrant(
      WarrantIssuance(
        security: SecurityID("W-1"), holder: Stakeholder.ID("bank"),
        shareClass: ShareClass.ID("common"), quantity: Shares(50_000), strike: strike))
  }

  @Test("A terminating price keeps every decimal, at least two, with the sign")
  func terminating() throws {
    let names = ["bank": "Bank", "common": "Common"]
    // 1/10 → "$0.10" (two places at least); 1/10,000 → "$0.0001" (every decimal kept).
    let tenth = ImportedEvent.describe(
      Self.warrant(strike: try #require(Ratio(decimal: "0.1"))), names: names, currency: .usd)
    #expect(tenth == "warrant W-1: 50,000 Common to Bank, strike $0.10")
    let tiny = ImportedEvent.describe(
      Self.warrant(strike: try #require(Ratio(decimal: "0.0001"))), names: names, currency: .usd)
    #expect(tiny == "warrant W-1: 50,000 Common to Bank, strike $0.0001")
  }

  @Test("A price that does not terminate shows 6 places and the exact fraction")
  func repeating() {
    let text = ImportedEvent.describe(
      Self.warrant(strike: Ratio(1, 3)), names: ["bank": "Bank", "common": "Common"],
      currency: .usd)
    // 1/3 = 0.333333… → "$0.333333 (exactly 1/3)".
    #expect(text == "warrant W-1: 50,000 Common to Bank, strike $0.333333 (exactly 1/3)")
  }
}
