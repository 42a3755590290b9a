import CapstanEngine
import CapstanModel
import Testing

@Suite("compare: the offered token and the provider")
struct FinancingComparisonChoiceTests {
  static let h100 = ComputeToken(symbol: "H100H", issuer: "computeco", unit: "H100-hour")
  static let tpu = ComputeToken(symbol: "TPU", issuer: "gridco", unit: "TPU-hour")

  /// Named (any case) it is that token; unnamed, the only one; with two and none named, a
  /// market price stands in, and without one the choice is refused under the field given.
  @Test func theOfferedToken() throws {
    let one = TokenMarket(tokens: [Self.h100])
    let two = TokenMarket(tokens: [Self.h100, Self.tpu])
    func choose(_ symbol: String?, _ market: TokenMarket, offer: Bool = true, price: Bool = false)
      throws -> ComputeToken?
    {
      try FinancingComparison.offeredToken(
        symbol, in: market, tokenOffer: offer, marketPriceGiven: price, field: "--token")
    }
    #expect(try choose("tpu", two) == Self.tpu)
    #expect(try choose(nil, one) == Self.h100)
    #expect(try choose(nil, two, price: true) == nil)
    #expect(try choose("H100H", one, offer: false) == nil)
    #expect(
      throws: InputError.missing(
        field: "--token", expected: "the offered token's symbol (or --market-price)")
    ) { try choose(nil, two) }
    #expect(throws: (any Error).self) { try choose("NOPE", two) }
  }

  /// `--provider` names a stakeholder (any case); without it the token's issuer; an unknown
  /// name is nobody.
  @Test func theProvider() throws {
    let ledger = Ledger(
      company: Company(
        id: "co", name: "Co", currency: .usd,
        incorporated: CalendarDate(iso: "2025-01-01") ?? CalendarDate(daysSinceEpoch: 0)),
      stakeholders: [
        Stakeholder(id: "computeco", name: "ComputeCo", kind: .institution),
        Stakeholder(id: "gridco", name: "GridCo", kind: .institution),
      ])
    let table = try ledger.replay(asOf: ledger.company.incorporated)
    func provider(_ name: String?, _ token: ComputeToken?) -> Stakeholder.ID? {
      FinancingComparison.provider(named: name, token: token, in: table)
    }
    #expect(provider("gridco", Self.h100) == "gridco")
    #expect(provider(nil, Self.h100) == "computeco")
    #expect(provider("Nobody", Self.h100) == nil)
    #expect(provider(nil, nil) == nil)
  }
}
