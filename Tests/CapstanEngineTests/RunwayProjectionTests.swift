import CapstanEngine
import CapstanModel
import CapstanTestSupport
import Testing

/// Runway month by month (issue 18 item 2), every figure worked by hand.
@Suite struct RunwayProjectionTests {
  /// ComputeCo's 1,500,000 tokens unlocking 24/6/1 from the closing 2026-06-01.
  static func supply() -> RunwayProjection.Supply {
    .investment(
      TokenInvestment(
        investor: "ComputeCo", symbol: "H100H", tokens: TokenAmount(1_500_000),
        agreedPrice: Ratio(2),
        unlock: .vesting(
          VestingSchedule(start: day("2026-06-01"), totalMonths: 24, cliffMonths: 6))),
      start: day("2026-06-01"), token: nil, prices: TokenPriceSeries())
  }

  static func inputs(cash: Int64) -> RunwayInputs {
    RunwayInputs(
      cash: Ratio(cash), monthlyCashBurn: Ratio(180_000), monthlyComputeUnits: Ratio(60_000),
      computeUnitPrice: fraction(5, 2))
  }

  /// The example: $1,200,000 cash, $180,000 burn, 60,000 GPU-hours a month at $2.50.
  /// Every token is locked for six months, so compute is bought with cash: 180,000 + 60,000 ×
  /// 2.50 = 330,000 a month. After months 1-3 the cash is 1,200,000 − 990,000 = 210,000 <
  /// 330,000 ⇒ runway 3 + 210,000/330,000 = 3 + 7/11 = 40/11 ≈ 3.6 (not 6.7). Selling gives
  /// the same: nothing is unlocked, so nothing can be sold.
  @Test func lockedTokensBuyNothingBeforeTheCliff() {
    let redeeming = RunwayProjection(
      Self.inputs(cash: 1_200_000), supplies: [Self.supply()], start: day("2026-06-01")
    ) { _, _ in Ratio(2) }
    #expect(redeeming.runway == Ratio(40, 11))
    #expect(redeeming.months.count == 4)
    #expect(redeeming.months.allSatisfy { $0.redeemed == .zero && $0.cashOut == Ratio(330_000) })
    #expect(redeeming.months[3].cashStart == Ratio(210_000))
    let selling = RunwayProjection(
      Self.inputs(cash: 1_200_000), supplies: [Self.supply()], start: day("2026-06-01"),
      policy: .sell
    ) { _, _ in Ratio(2) }
    #expect(selling.runway == Ratio(40, 11))
    #expect(selling.months.allSatisfy { $0.sold == .zero })
  }

  /// $3,000,000 cash: months 0-5 cost 330,000 each, leaving 3,000,000 − 1,980,000 = 1,020,000.
  /// From month 6 (2026-12-01) 375,000 tokens are unlocked and 62,500 more each month, more
  /// than the 60,000 redeemed, so the cash pays only the burn: 1,020,000 ÷ 180,000 = 17/3
  /// more months ⇒ runway 6 + 17/3 = 35/3. Month 6 unlocks 375,000 and redeems 60,000.
  ///
  /// Selling at $2.60 instead: month 6 sells 375,000 × 2.60 = 975,000 (1,995,000 − 330,000 =
  /// 1,665,000 left); each later month sells 62,500 × 2.60 = 162,500 against 330,000 out, −
  /// 167,500 a month: month 16 starts with 1,665,000 − 9 × 167,500 = 157,500, + 162,500 =
  /// 320,000 < 330,000 ⇒ runway 16 + 32/33 = 560/33.
  @Test func unlockedTokensPayForComputeOrAreSold() {
    let redeeming = RunwayProjection(
      Self.inputs(cash: 3_000_000), supplies: [Self.supply()], start: day("2026-06-01")
    ) { _, _ in fraction(13, 5) }
    #expect(redeeming.runway == Ratio(35, 3))
    #expect(redeeming.months[6].unlocked == Ratio(375_000))
    #expect(redeeming.months[6].redeemed == Ratio(60_000))
    #expect(redeeming.months[6].cashStart == Ratio(1_020_000))
    #expect(redeeming.months[6].date == day("2026-12-01"))
    let selling = RunwayProjection(
      Self.inputs(cash: 3_000_000), supplies: [Self.supply()], start: day("2026-06-01"),
      policy: .sell
    ) { _, _ in fraction(13, 5) }
    #expect(selling.runway == Ratio(560, 33))
    #expect(selling.months[6].proceeds == Ratio(975_000))
  }

  /// Credits cannot be sold and expire: $300,000 of credits at $2.50 = 120,000 GPU-hours,
  /// usable for 3 months. They cover 60,000 a month for months 0 and 1 (cash out 180,000
  /// each), then nothing: 1,200,000 − 360,000 = 840,000, then 330,000 a month: month 4 starts
  /// with 840,000 − 660,000 = 180,000 ⇒ runway 4 + 180/330 = 50/11. Under `.sell` the credits
  /// are still redeemed.
  @Test func creditsAreRedeemedUntilTheyExpire() {
    let credits = RunwayProjection.Supply.credits(
      "credits", amount: Ratio(300_000), unitPrice: fraction(5, 2), months: 3)
    for policy in RunwayProjection.Policy.allCases {
      let projection = RunwayProjection(
        Self.inputs(cash: 1_200_000), supplies: [credits], start: day("2026-06-01"),
        policy: policy
      ) { _, _ in .zero }
      #expect(projection.runway == Ratio(50, 11))
    }
  }

  /// A revenue share of $2,000,000 credits at 5 % of revenue, capped at 1.5x = $3,000,000.
  /// Revenue 10,000,000 a month: payments 500,000 a month; after 6 months 3,000,000 ⇒ repaid
  /// in month 6, total 3,000,000, 1,000,000 beyond the credits. Revenue 25,000,000: 1,250,000,
  /// 1,250,000, then only the 500,000 left ⇒ month 3. A plan of 2 months at 10,000,000 ends
  /// first: 1,000,000 paid, not repaid.
  @Test func revenueShareIsPaidUntilTheCap() {
    let leg = Offer.RevenueShareLeg(
      provider: "GPUCo", credits: Ratio(2_000_000), percentage: fraction(1, 20),
      capMultiple: fraction(3, 2))
    let steady = RevenueShareCost(leg, plan: Array(repeating: Ratio(10_000_000), count: 12))
    #expect(steady.monthsToRepay == 6)
    #expect(steady.totalPaid == Ratio(3_000_000))
    #expect(steady.costBeyondCredits == Ratio(1_000_000))
    let fast = RevenueShareCost(leg, plan: Array(repeating: Ratio(25_000_000), count: 12))
    #expect(fast.payments == [Ratio(1_250_000), Ratio(1_250_000), Ratio(500_000)])
    #expect(fast.monthsToRepay == 3)
    let short = RevenueShareCost(leg, plan: [Ratio(10_000_000), Ratio(10_000_000)])
    #expect(short.monthsToRepay == nil)
    #expect(short.totalPaid == Ratio(1_000_000))
  }
}
