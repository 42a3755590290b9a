import CapstanEngine
import CapstanModel
import Testing

@Suite struct RoundValuationTests {
  /// A stated price: nothing circular about the price; the SAFE still converts at its cap.
  ///
  /// Base 10,000,000 (founders 9,000,000, pool 1,000,000). SAFE $500,000 at a $5M post-money
  /// cap: CC = 10,000,000 ÷ (1 − 1/10) = 11,111,111.11; cap price 5,000,000 ÷ CC = 0.45;
  /// shares ⌊1,111,111.1⌋ = 1,111,111. Investor ⌊1,000,000 ÷ 1.25⌋ = 800,000.
  /// Pre-money = 1.25 × 11,111,111 = 13,888,888.75; post-money = 14,888,888.75
  /// = 1.25 × 11,911,111.
  @Test func statedPricePerShare() throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 9_000_000, pool: 1_000_000),
      safes: [
        SAFE(
          id: "SAFE-1", holder: "Angel", purchaseAmount: Ratio(500_000),
          valuationCap: Ratio(5_000_000))
      ],
      valuation: .pricePerShare(try exact("1.25")),
      investors: [Investor("Lead", amount: Ratio(1_000_000))], closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    #expect(result.price.exact == (try exact("1.25")))
    #expect(result.price.rounded == (try exact("1.25")))
    let safe = try conversion(result, "SAFE-1")
    #expect(safe.conversionPrice == ratio(9, 20))
    #expect(safe.shares == 1_111_111)
    #expect(result.investors.map(\.shares) == [800_000])
    #expect(result.pricingShares == 11_111_111)
    #expect(result.preMoneyValuation == (try exact("13888888.75")))
    #expect(result.postMoneyFullyDiluted == 11_911_111)
    #expect(result.postMoneyValuation == (try exact("14888888.75")))
    #expect(result.impliedPostMoneyValuation == result.postMoneyValuation)
  }

  /// A post-money valuation: pre-money = 25,000,000 − 5,000,000 = 20,000,000 over 10,000,000
  /// shares = $2.00; the investor gets 2,500,000 shares of 12,500,000 (20 %).
  @Test func postMoneyValuation() throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 9_000_000, pool: 1_000_000),
      valuation: .postMoney(Ratio(25_000_000)),
      investors: [Investor("Lead", amount: Ratio(5_000_000))], closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    #expect(result.price.rounded == Ratio(2))
    #expect(result.preMoneyValuation == Ratio(20_000_000))
    #expect(result.postMoneyValuation == Ratio(25_000_000))
    #expect(result.investors.map(\.shares) == [2_500_000])
    #expect(result.postMoneyFullyDiluted == 12_500_000)
    #expect(result.proForma.row("Lead")?.fractionAfter == ratio(1, 5))
  }

  /// No SAFEs, two investors: 10,000,000 ÷ 5,000,000 = $2.00; A buys 1,000,000, B 500,000;
  /// post 6,500,000. Founders go from 4/5 to 8/13: dilution 1 − (8/13 ÷ 4/5) = 3/13.
  @Test func roundWithoutSAFEs() throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 4_000_000, options: 500_000, pool: 500_000),
      valuation: .preMoney(Ratio(10_000_000)),
      investors: [
        Investor("A", amount: Ratio(2_000_000)), Investor("B", amount: Ratio(1_000_000)),
      ],
      closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    #expect(result.conversions.isEmpty)
    #expect(result.price.rounded == Ratio(2))
    #expect(result.investors.map(\.shares) == [1_000_000, 500_000])
    #expect(result.postMoneyFullyDiluted == 6_500_000)
    let founders = try #require(result.proForma.row("Founders"))
    #expect(founders.fractionBefore == ratio(4, 5))
    #expect(founders.fractionAfter == ratio(8, 13))
    #expect(founders.dilution == ratio(3, 13))
    #expect(result.proForma.row("A")?.dilution == nil)
    #expect(result.proForma.pool?.fractionAfter == ratio(1, 13))
    #expect(
      result.proForma.rows.map(\.name) == ["Founders", "Option holders", "A", "B", "Unissued pool"])
  }

  /// An explicit increase of 1,000,000 inside the pre-money: 22,000,000 ÷ 11,000,000 = $2.00;
  /// investor 2,750,000; post 13,750,000; pool 2,000,000 ÷ 13,750,000 = 8/55. Founders go from
  /// 9/10 to 36/55: dilution 1 − 40/55 = 3/11.
  @Test func explicitPoolIncrease() throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 9_000_000, pool: 1_000_000),
      valuation: .preMoney(Ratio(22_000_000)),
      investors: [Investor("Lead", amount: Ratio(5_500_000))], pool: .increase(1_000_000),
      closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    #expect(result.pool.increase == 1_000_000)
    #expect(result.pool.target == nil)
    #expect(result.price.rounded == Ratio(2))
    #expect(result.investors.map(\.shares) == [2_750_000])
    #expect(result.postMoneyFullyDiluted == 13_750_000)
    #expect(result.proForma.pool?.fractionAfter == ratio(8, 55))
    #expect(result.proForma.row("Founders")?.dilution == ratio(3, 11))
  }

  /// A 10 % target without SAFEs: exactly, S = 5,000,000 + P, post = 1.3 × S, so
  /// 500,000 + P ≥ 0.13 × (5,000,000 + P) ⇒ P ≥ 150,000 ÷ 0.87 = 172,413.79 ⇒ 172,414.
  /// Price 10,000,000 ÷ 5,172,414 = 1.93333326 → 1.9333; A ⌊1,034,500.6⌋, B ⌊517,250.3⌋;
  /// post 5,172,414 + 1,034,500 + 517,250 = 6,724,164.
  @Test func poolTargetWithoutSAFEs() throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 4_000_000, options: 500_000, pool: 500_000),
      valuation: .preMoney(Ratio(10_000_000)),
      investors: [
        Investor("A", amount: Ratio(2_000_000)), Investor("B", amount: Ratio(1_000_000)),
      ],
      pool: .target(ratio(1, 10)), closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    #expect(result.pool.increase == 172_414)
    #expect(result.pool.target?.continuousMinimum == ratio(15_000_000, 87))
    #expect(result.price.rounded == (try exact("1.9333")))
    #expect(result.investors.map(\.shares) == [1_034_500, 517_250])
    #expect(result.postMoneyFullyDiluted == 6_724_164)
  }

  /// Pricing over the shares before conversion: 20,000,000 ÷ 10,000,000 = $2.00 exactly, and
  /// the SAFE's 1,111,111 shares (cap price 0.90, as in the "cap binds" case) dilute the
  /// investor too: 1,000,000 of 12,111,111.
  @Test func pricingBasisExcludingConversions() throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 9_000_000, pool: 1_000_000),
      safes: [
        SAFE(
          id: "SAFE-1", holder: "Angel", purchaseAmount: Ratio(1_000_000),
          valuationCap: Ratio(10_000_000))
      ],
      valuation: .preMoney(Ratio(20_000_000)),
      investors: [Investor("Lead", amount: Ratio(2_000_000))],
      pricingBasis: .excludingConversions, closing: try date("2026-01-15"))
    let result = try PricedRound.model(input)
    #expect(result.price.exact == Ratio(2))
    #expect(result.price.rounded == Ratio(2))
    #expect(result.pricingShares == 10_000_000)
    #expect(result.preMoneyFullyDiluted == 11_111_111)
    #expect(try conversion(result, "SAFE-1").shares == 1_111_111)
    #expect(result.investors.map(\.shares) == [1_000_000])
    #expect(result.postMoneyFullyDiluted == 12_111_111)
  }
}
