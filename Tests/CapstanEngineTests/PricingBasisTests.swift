import CapstanEngine
import CapstanModel
import Testing

/// The three ways a round's price can treat converting money, on the published example of the
/// "pre-money", "percentage-ownership" and "dollars-invested" methods: 1,000,000 founder shares,
/// a $500,000 convertible at a 30 % discount (no cap, no interest), and a $1,000,000 round at a
/// $10,000,000 pre-money valuation.
@Suite struct PricingBasisTests {
  struct Expected: Sendable, CustomTestStringConvertible {
    let basis: PricingBasis
    let price: String
    let conversionPrice: String
    let conversionShares: Shares
    let investorShares: Shares
    let postMoneyFullyDiluted: Shares
    var testDescription: String { basis.rawValue }
  }

  static let cases: [Expected] = [
    // Percentage-ownership (NVCA/YC): p = 10,000,000 ÷ (1,000,000 + 500,000 ÷ 0.7p), so
    // p = (10,000,000 − 714,285.71…) ÷ 1,000,000 = 9.285714…, rounded 9.2857. Conversion at
    // 0.7 × 9.2857 = 6.49999: ⌊76,923.19⌋ = 76,923; the investor ⌊1,000,000 ÷ 9.2857⌋ =
    // 107,692, 1/11 of the post-money as the method intends.
    Expected(
      basis: .includingConversions, price: "9.2857", conversionPrice: "6.49999",
      conversionShares: 76_923, investorShares: 107_692, postMoneyFullyDiluted: 1_184_615),
    // Pre-money method: 10,000,000 ÷ 1,000,000 = $10.00; the note converts at $7.00 into
    // ⌊71,428.57⌋ shares and dilutes the investor's 100,000 too.
    Expected(
      basis: .excludingConversions, price: "10", conversionPrice: "7",
      conversionShares: 71_428, investorShares: 100_000, postMoneyFullyDiluted: 1_171_428),
    // Dollars-invested method (Cooley): (10,000,000 + 500,000) over the shares including the
    // conversion: p = 10,500,000 ÷ (1,000,000 + 500,000 ÷ 0.7p), so p = (10,500,000 −
    // 714,285.71…) ÷ 1,000,000 = 9.785714…, rounded 9.7857. The note converts at 0.7 × 9.7857
    // = 6.84999 into ⌊72,992.8⌋ = 72,992; the investor ⌊1,000,000 ÷ 9.7857⌋ = ⌊102,189.9⌋.
    // (The article's $10.50 divides by the shares without the conversion, which leaves the
    // founders less diluted than the pre-money method; Cooley's definition does not.)
    Expected(
      basis: .dollarsInvested, price: "9.7857", conversionPrice: "6.84999",
      conversionShares: 72_992, investorShares: 102_189, postMoneyFullyDiluted: 1_175_181),
  ]

  @Test(arguments: cases) func publishedExample(_ expected: Expected) throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 1_000_000),
      safes: [
        SAFE(
          id: "SAFE-1", holder: "Noteholder", purchaseAmount: Ratio(500_000),
          discount: ratio(30, 100))
      ],
      valuation: .preMoney(Ratio(10_000_000)),
      investors: [Investor("Series A", amount: Ratio(1_000_000))],
      pricingBasis: expected.basis, closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    #expect(result.price.rounded == (try exact(expected.price)))
    let note = try conversion(result, "SAFE-1")
    #expect(note.conversionPrice == (try exact(expected.conversionPrice)))
    #expect(note.shares == expected.conversionShares)
    #expect(result.investors.map(\.shares) == [expected.investorShares])
    #expect(result.postMoneyFullyDiluted == expected.postMoneyFullyDiluted)
    // The agreed pre-money is reported as agreed, whatever the method adds to price the round.
    #expect(result.preMoneyValuation == Ratio(10_000_000))
  }

  /// The converting money is the note's principal plus interest: $100,000 at 10 % simple for
  /// a year (act/365, 2025-01-15 to 2026-01-15 = 365 days) converts $110,000, so the price is
  /// p = (1,000,000 + 110,000) ÷ (100,000 + 110,000 ÷ p): 100,000 p = 1,000,000, p = $10.00,
  /// and the note, at the round price, gets 110,000 ÷ 10 = 11,000 shares.
  @Test func noteInterestCountsAsDollarsInvested() throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 100_000),
      notes: [
        ConvertibleNote(
          id: "N-1", holder: "Lender", principal: Ratio(100_000), interestRate: ratio(1, 10),
          issued: try date("2025-01-15"), capBasis: .preMoneyFullyDiluted)
      ],
      valuation: .preMoney(Ratio(1_000_000)),
      investors: [Investor("Series A", amount: Ratio(500_000))],
      pricingBasis: .dollarsInvested, closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    #expect(result.price.rounded == Ratio(10))
    #expect(try conversion(result, "N-1").shares == 11_000)
  }
}
