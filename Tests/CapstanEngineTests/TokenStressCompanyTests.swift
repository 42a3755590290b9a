import CapstanModel
import Testing

@testable import CapstanEngine

/// `TokenStress.company` and `TokenMarket.pegPerUnit(of:)`: what `tokens stress` and `report
/// company --offer` (and the team server) take from the company and the market.
@Suite struct TokenStressCompanyTests {
  static let start = CalendarDate(daysSinceEpoch: 19_000)

  /// 2 GPU-hours a token at a $5.00 peg: $2.50 an hour.
  static let market = TokenMarket(tokens: [
    ComputeToken(
      symbol: "H100H", issuer: "p", unit: "H100-hour", unitsPerToken: Ratio(2), peg: Ratio(5))
  ])

  @Test("a company without compute grants is refused, naming it and the date")
  func noGrants() throws {
    let ledger = Ledger(
      company: Company(id: "co", name: "Co", currency: .usd, incorporated: Self.start),
      stakeholders: [], classes: [], transactions: [])
    let table = try ledger.replay(asOf: Self.start)
    #expect(throws: TokenError.invalid("Co has no compute grants on \(Self.start)")) {
      try TokenStress.company(table, market: Self.market)
    }
  }

  @Test("an offer's runway prices compute at its first token's peg per unit")
  func offerPeg() {
    func offer(_ symbol: String?) -> Offer {
      var terms = RoundTerms(
        valuation: .preMoney(Ratio(10_000_000)), investors: [], pool: .none,
        newClass: NewClassTerms(name: "Seed"))
      terms.tokenInvestments =
        symbol.map {
          [TokenInvestment(investor: "P", symbol: $0, tokens: 1_000, agreedPrice: Ratio(4))]
        } ?? []
      return Offer(name: "A", closing: Self.start, terms: terms)
    }
    // $5.00 ÷ 2 hours = $2.50; the symbol matches in any case.
    #expect(Self.market.pegPerUnit(of: offer("h100h")) == Ratio(5, 2))
    #expect(Self.market.pegPerUnit(of: offer("OTHER")) == nil)
    #expect(Self.market.pegPerUnit(of: offer(nil)) == nil)
  }
}
