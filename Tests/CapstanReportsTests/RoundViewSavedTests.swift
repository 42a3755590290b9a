import CapstanEngine
import CapstanModel
import Testing

@testable import CapstanReports

/// `RoundView.saved`: `round show` (and the team server) model a saved round again and say
/// what changed since it was saved.
///
/// The ledger: Founders 9,000,000 common. The round: a stated $1.00 a share, Lead (a new
/// investor) $1,000,000, so Lead buys 1,000,000 shares; 10,000,000 fully diluted after it.
@Suite struct RoundViewSavedTests {
  static let start = CalendarDate(daysSinceEpoch: 19_000)
  static let closing = CalendarDate(daysSinceEpoch: 19_100)

  static func ledger() -> Ledger {
    Ledger(
      company: Company(id: "co", name: "Co", currency: .usd, incorporated: start),
      stakeholders: [Stakeholder(id: "f", name: "Founders")],
      classes: [ShareClass(id: "common", name: "Common", initialAuthorized: 20_000_000)],
      transactions: [
        Transaction(
          sequence: 1, date: start,
          event: .issueStock(
            StockIssuance(
              security: "CS-1", holder: "f", shareClass: "common", quantity: 9_000_000,
              pricePerShare: Ratio(1, 1_000))))
      ])
  }

  static func round(leadShares: String? = nil) throws -> SavedRound {
    let terms = RoundTerms(
      valuation: .pricePerShare(.one),
      investors: [Investment(investor: "Lead", amount: Ratio(1_000_000))],
      pool: .none, newClass: NewClassTerms(name: "Series A"))
    var round = try terms.savedRound(name: "Series A", on: ledger(), closing: closing)
    if let leadShares { round.outcome["shares of Lead"] = leadShares }
    return round
  }

  @Test("a round the ledger still gives has no drift, and its text says nothing of one")
  func unchanged() throws {
    let (view, drift) = try RoundView.saved(
      try Self.round(), on: Self.ledger(), market: TokenMarket())
    #expect(drift.isEmpty)
    #expect(view.name == "Series A")
    // 9,000,000 + $1,000,000 ÷ $1.00 = 10,000,000 fully diluted after the round.
    #expect(view.result.postMoneyFullyDiluted == Shares(10_000_000))
    #expect(view.fullText(drift: drift) == view.fullText())
  }

  @Test("saved with Lead at 999,999 shares: the text ends with what changed")
  func drifted() throws {
    let (view, drift) = try RoundView.saved(
      try Self.round(leadShares: "999999"), on: Self.ledger(), market: TokenMarket())
    #expect(drift.map(\.description) == ["shares of Lead: 999999 → 1000000"])
    #expect(
      view.fullText(drift: drift)
        == view.fullText() + "\nChanged since the round was saved: "
        + "shares of Lead: 999999 → 1000000\n")
  }
}
