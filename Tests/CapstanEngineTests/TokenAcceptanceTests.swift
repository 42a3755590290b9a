import CapstanEngine
import CapstanModel
import Testing

/// The two compute-token worked examples, through the engine.
@Suite struct TokenAcceptanceTests {
  /// Seed 2026-06-01: founders 9,000,000, unissued pool 1,000,000, pre-money $18,000,000, lead
  /// $3,000,000 cash, ComputeCo 1,500,000 tokens at an agreed $2.00, pool target 10 % post.
  ///
  /// Hand derivation: the tokens count as 1,500,000 × 2.00 = $3,000,000 (the spot price is not
  /// an input at all), so new money is $6,000,000 and post-money $24,000,000. Pool P solves
  /// 1,000,000 + P = 0.10 × (10,000,000 + P) × 24/18 ⇒ P = 384,615.38… ⇒ 384,616;
  /// price = 18,000,000 ÷ 10,384,616 = 1.733333… → $1.7333; each investor
  /// ⌊3,000,000 ÷ 1.7333⌋ = ⌊1,730,802.51⌋ = 1,730,802; post FD = 10,384,616 + 2 × 1,730,802
  /// = 13,846,220; ComputeCo 1,730,802 ÷ 13,846,220 = 12.5002 %.
  @Test func tokenInvestorInAPricedRound() throws {
    var terms = RoundTerms(
      valuation: .preMoney(Ratio(18_000_000)),
      investors: [Investment(investor: "Lead", amount: Ratio(3_000_000))],
      pool: .target(Ratio(1, 10)), newClass: NewClassTerms(name: "Series A"))
    terms.tokenInvestments = [
      TokenInvestment(
        investor: "ComputeCo", symbol: "H100H", tokens: 1_500_000, agreedPrice: Ratio(2))
    ]
    let input = RoundInput(
      capitalization: capitalization(founders: 9_000_000, pool: 1_000_000),
      valuation: .preMoney(Ratio(18_000_000)),
      investors: terms.allInvestments.map { Investor($0.participant, amount: $0.amount) },
      pool: .target(Ratio(1, 10)), closing: try date("2026-06-01"))
    let result = try PricedRound.model(input)
    #expect(result.price.rounded == (try exact("1.7333")))
    #expect(result.pool.increase == 384_616)
    #expect(result.investors.map(\.shares) == [1_730_802, 1_730_802])
    #expect(result.postMoneyFullyDiluted == 13_846_220)
    let stake = Ratio(1_730_802) / Ratio(13_846_220)
    #expect(stake.percentString(places: 4) == "12.5002%")
    // The token investor is last, so closing links the grant to the second purchase.
    let closing = result.closing(
      newClass: terms.newClass, tokenInvestments: terms.tokenInvestments)
    #expect(closing.computeGrants.map(\.purchase) == [1])
    #expect(closing.purchases[1].investor == "ComputeCo")
  }

  static func computeCoGrant() throws -> ComputeGrantPosition {
    let start = try date("2026-06-01")
    return ComputeGrantPosition(
      grant: ComputeGrant(
        security: "CG-1", provider: "computeco", symbol: "H100H", tokens: 1_500_000,
        agreedPrice: Ratio(2),
        unlock: .vesting(
          VestingSchedule(start: start, totalMonths: 24, cliffMonths: 6, frequencyMonths: 1)),
        equity: EquityConsideration(security: "PS-2", shares: 1_730_802, release: .inStep)),
      date: start)
  }

  static func prices() throws -> TokenPriceSeries {
    TokenPriceSeries([
      TokenPriceMark(symbol: "H100H", date: try date("2026-06-01"), price: try exact("2.60")),
      TokenPriceMark(symbol: "H100H", date: try date("2026-11-01"), price: try exact("1.40")),
      TokenPriceMark(symbol: "H100H", date: try date("2027-07-01"), price: try exact("2.90")),
    ])
  }

  /// Unlocks 24 months from 2026-06-01, 6-month cliff, shares released in step.
  ///
  /// 2026-11-30: 5 whole months < cliff ⇒ 0 unlocked; 1,500,000 locked × $1.40 = $2,100,000
  /// against 1,500,000 × $2.00 = $3,000,000 agreed ⇒ −$900,000; 0 released.
  /// 2026-12-01: 6 months ⇒ ⌊1,500,000 × 6/24⌋ = 375,000 unlocked, 1,125,000 locked;
  /// released ⌊1,730,802 × 375,000/1,500,000⌋ = ⌊432,700.5⌋ = 432,700.
  /// 2027-07-15: 13 months ⇒ ⌊1,500,000 × 13/24⌋ = 812,500; locked 687,500 × $2.90 =
  /// $1,993,750; released ⌊1,730,802 × 13/24⌋ = ⌊937,517.75⌋ = 937,517; all tokens
  /// 1,500,000 × 2.90 = $4,350,000.
  @Test(
    arguments: [
      ("2026-11-30", "1.40", 0, 1_500_000, 0, "2100000", "-900000", "2100000"),
      ("2026-12-01", "1.40", 375_000, 1_125_000, 432_700, "1575000", "-900000", "2100000"),
      ("2027-07-15", "2.90", 812_500, 687_500, 937_517, "1993750", "1350000", "4350000"),
    ] as [(String, String, Int64, Int64, Int64, String, String, String)])
  func computeCoUnlocks(
    day: String, price: String, unlocked: Int64, locked: Int64, released: Int64,
    lockedValue: String, unrealised: String, allValue: String
  ) throws {
    let position = try Self.computeCoGrant()
    let token = ComputeToken(symbol: "H100H", issuer: "computeco", unit: "H100-hour")
    let value = ComputeGrantValuation(
      position, token: token, prices: try Self.prices(), asOf: try date(day))
    #expect(value.marketPrice == (try exact(price)))
    #expect(value.priceSource == .market)
    #expect(value.balances.unlocked == TokenAmount(unlocked))
    #expect(value.balances.locked == TokenAmount(locked))
    #expect(value.releasedShares == Shares(released))
    #expect(value.lockedValue == (try exact(lockedValue)))
    #expect(value.unrealisedGain == (try exact(unrealised)))
    #expect(value.grantedValue == (try exact(allValue)))
    #expect(value.heldAgreedValue == Ratio(3_000_000))
  }
}
