import CapstanModel
import Foundation
import Testing

@Suite struct RoundTermsCodingTests {
  /// Terms with every optional field set, so that a field the coding drops fails the test.
  static func terms(_ basis: RoundTerms.PricingBasis) -> RoundTerms {
    var terms = RoundTerms(
      valuation: .preMoney(Ratio(18_000_000)),
      investors: [Investment(investor: "Lead", amount: Ratio(3_000_000))],
      pool: .target(Ratio(1, 10)),
      pricingBasis: basis, newClass: NewClassTerms(name: "Series Seed"))
    terms.proRata = [ProRataChoice(holder: "Ada", take: .full)]
    terms.mfnAdoptions = ["SAFE-1": "SAFE-2"]
    terms.tokenConsideration = [
      TokenInvestment(
        investor: "ComputeCo", symbol: "H100H", tokens: TokenAmount(1_500_000),
        agreedPrice: Ratio(2), expires: CalendarDate(iso: "2028-06-01"))
    ]
    return terms
  }

  @Test(arguments: RoundTerms.PricingBasis.allCases)
  func basisRoundTrips(_ basis: RoundTerms.PricingBasis) throws {
    let data = try JSONEncoder().encode(Self.terms(basis))
    let text = try #require(String(data: data, encoding: .utf8))
    #expect(text.contains("\"pricingBasis\":\"\(basis.rawValue)\""))
    #expect(try JSONDecoder().decode(RoundTerms.self, from: data) == Self.terms(basis))
  }

  /// Rounds saved before the third basis carried a flag instead of a name.
  @Test(arguments: [
    (false, RoundTerms.PricingBasis.excludingConversions), (true, .includingConversions),
  ])
  func olderSavedRoundsKeepTheirBasis(flag: Bool, basis: RoundTerms.PricingBasis) throws {
    let data = try JSONEncoder().encode(Self.terms(.dollarsInvested))
    let text = try #require(String(data: data, encoding: .utf8))
      .replacingOccurrences(
        of: "\"pricingBasis\":\"dollars-invested\"", with: "\"pricingIncludesConversions\":\(flag)")
    let decoded = try JSONDecoder().decode(RoundTerms.self, from: Data(text.utf8))
    #expect(decoded.pricingBasis == basis)
  }
}
