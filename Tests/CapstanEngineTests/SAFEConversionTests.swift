import CapstanEngine
import CapstanModel
import Testing

/// One post-money SAFE of $1,000,000 in a round with $2,000,000 of new money.
///
/// Base: founders 9,000,000 and an unissued pool of 1,000,000 = 10,000,000; no pool increase.
struct BindingCase: Sendable, CustomTestStringConvertible {
  let name: String
  let preMoney: Int64
  let discount: Ratio?
  let binding: BindingTerm
  let price: String
  let conversionPrice: Ratio
  let conversionShares: Shares
  let investorShares: Shares
  let postMoneyFullyDiluted: Shares

  var testDescription: String { name }

  static let all: [BindingCase] = [
    // Cap $10M, 20 % discount, $20M pre-money. At the cap: CC = 10,000,000 + CC/10 ⇒
    // CC = 11,111,111.11, cap price 10,000,000 ÷ CC = 0.90, shares ⌊1,111,111.1⌋ = 1,111,111.
    // Price 20,000,000 ÷ 11,111,111 = 1.80000018 → 1.8000; discount price 1.44 > 0.90.
    // Investor ⌊2,000,000 ÷ 1.8⌋ = 1,111,111; post 11,111,111 + 1,111,111 = 12,222,222.
    BindingCase(
      name: "cap binds", preMoney: 20_000_000, discount: ratio(1, 5), binding: .cap,
      price: "1.8", conversionPrice: ratio(9, 10), conversionShares: 1_111_111,
      investorShares: 1_111_111, postMoneyFullyDiluted: 12_222_222),
    // Cap $10M, 20 % discount, $8M pre-money. At the discount: p = 8,000,000 ÷
    // (10,000,000 + 1,000,000 ÷ 0.8p) ⇒ 10,000,000p + 1,250,000 = 8,000,000 ⇒ p = 0.675;
    // discount price 0.54, shares ⌊1,851,851.85⌋ = 1,851,851; CC = 11,851,851.85 gives a cap
    // price of 0.84375 > 0.54. Rounded: 8,000,000 ÷ 11,851,851 = 0.67500001 → 0.6750.
    // Investor ⌊2,000,000 ÷ 0.675⌋ = 2,962,962; post 11,851,851 + 2,962,962 = 14,814,813.
    BindingCase(
      name: "discount binds", preMoney: 8_000_000, discount: ratio(1, 5), binding: .discount,
      price: "0.675", conversionPrice: ratio(27, 50), conversionShares: 1_851_851,
      investorShares: 2_962_962, postMoneyFullyDiluted: 14_814_813),
    // Cap $10M, no discount, $8M pre-money. At the round price: 10,000,000p + 1,000,000 =
    // 8,000,000 ⇒ p = 0.70; shares ⌊1,428,571.43⌋ = 1,428,571; CC = 11,428,571.43 gives a cap
    // price of 0.875 > 0.70. Rounded: 8,000,000 ÷ 11,428,571 = 0.70000002 → 0.7000.
    // Investor ⌊2,000,000 ÷ 0.7⌋ = 2,857,142; post 11,428,571 + 2,857,142 = 14,285,713.
    BindingCase(
      name: "round price binds", preMoney: 8_000_000, discount: nil, binding: .roundPrice,
      price: "0.7", conversionPrice: ratio(7, 10), conversionShares: 1_428_571,
      investorShares: 2_857_142, postMoneyFullyDiluted: 14_285_713),
  ]
}

@Suite struct SAFEConversionTests {
  @Test(arguments: BindingCase.all)
  func bindingTerm(_ example: BindingCase) throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 9_000_000, pool: 1_000_000),
      safes: [
        SAFE(
          id: "SAFE-1", holder: "Angel", purchaseAmount: Ratio(1_000_000),
          valuationCap: Ratio(10_000_000), discount: example.discount)
      ],
      valuation: .preMoney(Ratio(example.preMoney)),
      investors: [Investor("Lead", amount: Ratio(2_000_000))], closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    let safe = try conversion(result, "SAFE-1")
    #expect(safe.binding == example.binding)
    #expect(safe.conversionPrice == example.conversionPrice)
    #expect(safe.shares == example.conversionShares)
    #expect(result.price.rounded == (try exact(example.price)))
    #expect(result.investors.map(\.shares) == [example.investorShares])
    #expect(result.postMoneyFullyDiluted == example.postMoneyFullyDiluted)
  }

  /// A pre-money SAFE's cap is divided by the capitalization without SAFEs or notes but with
  /// the round's pool increase (YC pre-money SAFE, "Company Capitalization").
  ///
  /// Base 10,000,000 (founders 9,000,000, pool 1,000,000) + increase 500,000 = 10,500,000.
  /// Safe Price = 9,000,000 ÷ 10,500,000 = 6/7; shares ⌊1,000,000 × 7/6⌋ = 1,166,666.
  /// Price 20,000,000 ÷ (10,500,000 + 1,166,666) = 1.71428576 → 1.7143.
  /// Investor ⌊4,000,000 ÷ 1.7143⌋ = 2,333,313; post 11,666,666 + 2,333,313 = 13,999,979.
  @Test func preMoneySAFE() throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 9_000_000, pool: 1_000_000),
      safes: [
        SAFE(
          id: "SAFE-1", holder: "Angel", kind: .preMoney, purchaseAmount: Ratio(1_000_000),
          valuationCap: Ratio(9_000_000))
      ],
      valuation: .preMoney(Ratio(20_000_000)),
      investors: [Investor("Lead", amount: Ratio(4_000_000))], pool: .increase(500_000),
      closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    let safe = try conversion(result, "SAFE-1")
    #expect(safe.capBasis == .preMoneyCompanyCapitalization)
    #expect(safe.capitalization == Ratio(10_500_000))
    #expect(safe.conversionPrice == ratio(6, 7))
    #expect(safe.binding == .cap)
    #expect(safe.shares == 1_166_666)
    #expect(result.price.rounded == (try exact("1.7143")))
    #expect(result.investors.map(\.shares) == [2_333_313])
    #expect(result.postMoneyFullyDiluted == 13_999_979)
  }

  /// The fully circular case: a discount-bound SAFE's shares depend on the price, which
  /// depends on them and on the pool increase, which depends on all three.
  ///
  /// Base 10,000,000 (founders 9,000,000, pool 1,000,000); SAFE $1,000,000, cap $30M, 20 %
  /// discount; $20M pre-money; $5M lead; 10 % target. Exactly, at the discount:
  /// s = 1,000,000 ÷ 0.8p = 1,250,000 × S ÷ 20,000,000 = S/16 with S = 10,000,000 + P + s, so
  /// S = (10,000,000 + P) × 16/15; post = 1.25 × S; the target
  /// 1,000,000 + P ≥ 0.1 × 1.25 × S = (10,000,000 + P) × 2/15 ⇒ 13P ≥ 5,000,000
  /// ⇒ P ≥ 384,615.38 ⇒ 384,616. Then S = 11,076,923.73, p = 1.80555545 → 1.8056; discount
  /// price 1.8056 × 0.8 = 1.44448 (cap price 30,000,000 ÷ 10,692,290.65 = 2.81 is higher);
  /// s = ⌊692,290.37⌋ = 692,290; S = 10,384,616 + 692,290 = 11,076,906 and
  /// 20,000,000 ÷ 11,076,906 = 1.80555834 → 1.8056 again. Lead ⌊5,000,000 ÷ 1.8056⌋ =
  /// 2,769,162; post 13,846,068; pool 1,384,616 ÷ 13,846,068 = 10.00007 %.
  @Test func discountBoundSAFEWithPoolTarget() throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 9_000_000, pool: 1_000_000),
      safes: [
        SAFE(
          id: "SAFE-1", holder: "Angel", purchaseAmount: Ratio(1_000_000),
          valuationCap: Ratio(30_000_000), discount: ratio(1, 5))
      ],
      valuation: .preMoney(Ratio(20_000_000)),
      investors: [Investor("Lead", amount: Ratio(5_000_000))],
      pool: .target(ratio(1, 10)), closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    #expect(result.pool.increase == 384_616)
    #expect(result.pool.target?.continuousMinimum == ratio(5_000_000, 13))
    #expect(result.price.rounded == (try exact("1.8056")))
    let safe = try conversion(result, "SAFE-1")
    #expect(safe.binding == .discount)
    #expect(safe.conversionPrice == (try exact("1.44448")))
    #expect(safe.shares == 692_290)
    #expect(result.preMoneyFullyDiluted == 11_076_906)
    #expect(result.investors.map(\.shares) == [2_769_162])
    #expect(result.postMoneyFullyDiluted == 13_846_068)
    #expect(try #require(result.proForma.pool).fractionAfter >= ratio(1, 10))
  }

  static func mfnInput(_ mfn: MostFavoredNation, laterIssued: String = "2025-06-01") throws
    -> RoundInput
  {
    RoundInput(
      capitalization: capitalization(founders: 8_000_000, pool: 1_000_000),
      safes: [
        SAFE(
          id: "SAFE-1", holder: "Early", purchaseAmount: Ratio(500_000),
          valuationCap: Ratio(10_000_000), mostFavoredNation: mfn,
          issued: try date("2025-01-01")),
        SAFE(
          id: "SAFE-2", holder: "Later", purchaseAmount: Ratio(1_000_000),
          valuationCap: Ratio(8_000_000), issued: try date(laterIssued)),
      ],
      valuation: .preMoney(Ratio(30_000_000)),
      investors: [Investor("Lead", amount: Ratio(5_000_000))], closing: try date("2026-01-15"))
  }

  /// An MFN SAFE that elected a later SAFE's terms converts on that SAFE's $8M cap.
  ///
  /// Both at $8M: s1 = 500,000 × CC ÷ 8,000,000 = CC/16, s2 = CC/8;
  /// CC = 9,000,000 ÷ (1 − 1/16 − 1/8) = 144,000,000/13 = 11,076,923.08;
  /// Safe Price = 8,000,000 ÷ CC = 13/18 = 0.722222; s1 = ⌊692,307.69⌋ = 692,307,
  /// s2 = ⌊1,384,615.38⌋ = 1,384,615. Price 30,000,000 ÷ 11,076,922 = 2.70833360 → 2.7083.
  /// Investor ⌊5,000,000 ÷ 2.7083⌋ = 1,846,176; post 11,076,922 + 1,846,176 = 12,923,098.
  /// Without the election SAFE-1 keeps its $10M cap: CC = 9,000,000 ÷ (1 − 1/20 − 1/8)
  /// = 10,909,090.91, Safe Price 10,000,000 ÷ CC = 0.916667, s1 = ⌊545,454.5⌋ = 545,454.
  @Test func mfnAdoptsALaterSAFEsTerms() throws {
    let result = try PricedRound.model(Self.mfnInput(.adopting("SAFE-2")))
    let early = try conversion(result, "SAFE-1")
    #expect(early.instrument == .safe(.postMoney, adoptedTermsOf: "SAFE-2"))
    #expect(early.terms.valuationCap == Ratio(8_000_000))
    #expect(early.capitalization == ratio(144_000_000, 13))
    #expect(early.conversionPrice == ratio(13, 18))
    #expect(early.shares == 692_307)
    #expect(try conversion(result, "SAFE-2").shares == 1_384_615)
    #expect(result.price.rounded == (try exact("2.7083")))
    #expect(result.investors.map(\.shares) == [1_846_176])
    #expect(result.postMoneyFullyDiluted == 12_923_098)

    let unused = try PricedRound.model(Self.mfnInput(.granted))
    let own = try conversion(unused, "SAFE-1")
    #expect(own.instrument == .safe(.postMoney, adoptedTermsOf: nil))
    #expect(own.conversionPrice == ratio(11, 12))
    #expect(own.shares == 545_454)
  }

  @Test func mfnElectionsMustNameAnotherLaterSAFE() throws {
    #expect(roundError(try Self.mfnInput(.adopting("SAFE-9"))) == .unknownSecurity("SAFE-9"))
    #expect(
      roundError(try Self.mfnInput(.adopting("SAFE-1")))
        == .invalidMFNReference(security: "SAFE-1", adopting: "SAFE-1"))
    #expect(
      roundError(try Self.mfnInput(.adopting("SAFE-2"), laterIssued: "2024-12-31"))
        == .mfnTermsNotLater(security: "SAFE-1", adopting: "SAFE-2"))
  }
}
