import CapstanEngine
import CapstanModel

extension RoundCommand {
  /// Refuses token investments in tokens the workspace does not define.
  static func checkTokens(_ terms: RoundTerms, store: any Workspace) throws {
    guard !terms.tokenInvestments.isEmpty else { return }
    let market = try store.tokenMarket()
    for investment in terms.tokenInvestments { _ = try market.token(investment.symbol) }
  }

  /// Lines on the round's token investors: the agreed value that counts, and the market value
  /// on the closing date, which does not (empty without token investors).
  static func tokenText(
    _ terms: RoundTerms, store: any Workspace, company: Company, on closing: CalendarDate
  ) throws -> String {
    guard !terms.tokenInvestments.isEmpty else { return "" }
    let market = try store.tokenMarket()
    var text =
      "\nPaid in compute tokens (counted at the agreed price; the market price is not used)\n"
    for investment in terms.tokenInvestments {
      let money = { (value: Ratio) in Money(value, company.currency).formatted }
      var line =
        "  \(investment.investor): \(investment.tokens) \(investment.symbol) at "
        + "\(Price(investment.agreedPrice, company.currency).formatted(places: 4)) agreed = "
        + money(investment.amount)
      if let spot = market.price(investment.symbol, on: closing) {
        line +=
          " (market \(Price(spot, company.currency).formatted(places: 4)) on \(closing): "
          + "\(money(investment.tokens.ratio * spot)))"
      }
      if let unlock = investment.unlock { line += ", unlock \(unlock.summary)" }
      if let release = investment.release { line += ", shares released \(release.rawValue)" }
      text += line + "\n"
    }
    return text
  }
}
