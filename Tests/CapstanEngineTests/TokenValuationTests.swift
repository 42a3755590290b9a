import CapstanEngine
import CapstanModel
import Testing

@Suite("Token deals, runway, stress and financing comparison")
struct TokenValuationTests {
  /// "N tokens for P %", solved exactly.
  ///
  /// 100,000 tokens × $2.50 = $250,000 for 10 % of a company with 9,000,000 fully diluted:
  /// post = 250,000 ÷ 0.10 = 2,500,000; pre = 2,250,000; price = 2,250,000 ÷ 9,000,000 = 0.25;
  /// shares = 0.10 × 9,000,000 ÷ 0.90 = 1,000,000 (and 1,000,000 ÷ 10,000,000 = 10 %).
  /// 1,500,000 × $2.00 = $3,000,000 for 12.5 % of 10,000,000: post 24,000,000, pre 21,000,000,
  /// price 2.1, shares 0.125 × 10,000,000 ÷ 0.875 = 10,000,000/7 = 1,428,571.43 (not whole).
  @Test(
    arguments: [
      (
        100_000, Ratio(5, 2), Ratio(1, 10), 9_000_000, 2_500_000, 2_250_000, Ratio(1, 4),
        Ratio(1_000_000)
      ),
      (
        1_500_000, Ratio(2), Ratio(1, 8), 10_000_000, 24_000_000, 21_000_000, Ratio(21, 10),
        Ratio(10_000_000, 7)
      ),
    ] as [(Int64, Ratio, Ratio, Int64, Int64, Int64, Ratio, Ratio)])
  func tokensForPercent(
    tokens: Int64, agreed: Ratio, percent: Ratio, fullyDiluted: Int64, post: Int64, pre: Int64,
    price: Ratio, shares: Ratio
  ) throws {
    let deal = TokenDeal(tokens: TokenAmount(tokens), agreedPrice: agreed, percent: percent)
    let implied = try deal.implied(preMoneyFullyDiluted: Shares(fullyDiluted))
    #expect(implied.postMoney == Ratio(post))
    #expect(implied.preMoney == Ratio(pre))
    #expect(implied.pricePerShare == price)
    #expect(implied.shares == shares)
    #expect(implied.shares / (implied.shares + Ratio(fullyDiluted)) == percent)
  }

  @Test func aStakeOutOfRangeIsRefused() {
    let deal = TokenDeal(tokens: 1, agreedPrice: .one, percent: .one)
    #expect(throws: TokenError.self) { try deal.implied(preMoneyFullyDiluted: 100) }
  }

  /// Runway month by month (`FinancingComparison.runway`: T units of compute all available at
  /// the start, then cash), by hand (C cash, B cash burn, H units a month at p, T token units;
  /// the closed form these cases were first written for gave the same numbers):
  /// 1. C 2M, B 150k, H 40k, p 2.5, T 1.5M: tokens cover 37.5 months; cash lasts
  ///    2,000,000 ÷ 150,000 = 40/3 months first.
  /// 2. C 2M, B 50k, H 40k, p 2.5, T 400k: tokens cover 10 months, cash would last 40: after
  ///    10 months 1,500,000 left at 50,000 + 100,000 a month = 10 more: 20.
  /// 3. No compute, C 1M, B 100k: 10. 4. Nothing spent: unlimited (nil).
  /// 5. B 0, H 10k, p 1, T 50k, C 100k: 5 months of tokens, then 100,000 ÷ 10,000 = 10: 15.
  @Test(
    arguments: [
      (2_000_000, 150_000, 40_000, Ratio(5, 2), 1_500_000, Ratio(40, 3) as Ratio?),
      (2_000_000, 50_000, 40_000, Ratio(5, 2), 400_000, Ratio(20)),
      (1_000_000, 100_000, 0, Ratio(5, 2), 0, Ratio(10)),
      (1_000_000, 0, 0, Ratio(5, 2), 0, nil),
      (100_000, 0, 10_000, Ratio(1), 50_000, Ratio(15)),
    ] as [(Int64, Int64, Int64, Ratio, Int64, Ratio?)])
  func runwayRedeeming(
    cash: Int64, burn: Int64, units: Int64, price: Ratio, tokens: Int64, months: Ratio?
  ) {
    let inputs = RunwayInputs(
      cash: Ratio(cash), monthlyCashBurn: Ratio(burn), monthlyComputeUnits: Ratio(units),
      computeUnitPrice: price)
    #expect(FinancingComparison.runway(inputs, units: Ratio(tokens)) == months)
  }

  /// Cash added (a cash offer, or tokens sold at once): (1,000,000 + 500,000) ÷ (100,000 +
  /// 20,000 × 2.5) = 10: ten months of 150,000, the cash at the start of month 10 is 0.
  @Test func runwaySelling() {
    let inputs = RunwayInputs(
      cash: Ratio(1_000_000), monthlyCashBurn: Ratio(100_000),
      monthlyComputeUnits: Ratio(20_000), computeUnitPrice: Ratio(5, 2))
    #expect(FinancingComparison.runway(inputs, cash: Ratio(500_000)) == Ratio(10))
  }

  /// ComputeCo's grant on 2026-12-01 (market $1.40), shocked −50 % and −90 %:
  /// held 1,500,000 → $2,100,000 / $1,050,000 / $210,000; gap vs $3,000,000 agreed:
  /// $900,000 / $1,950,000 / $2,790,000; effective price per share 1,500,000 × P ÷ 1,730,802.
  /// Runway month by month from 2026-12-01 (C 2M, B 150k, H 40k GPU-hours at $2.50; 375,000
  /// tokens unlocked on the date, 62,500 more on each of the next 18 monthly dates):
  /// redeeming, the unlocked tokens always cover the 40,000 a month (375,000 + 62,500·k −
  /// 40,000·(k + 1) > 0), so the cash pays only the burn: 2,000,000 ÷ 150,000 = 40/3 in every
  /// scenario. Selling at P only what has unlocked (locked tokens are never sold; the
  /// closed form sold all 1,500,000 at once and gave 16.4, 12.2, 8.84), each month costs
  /// 150,000 + 100,000 = 250,000:
  /// - $1.40: month 0 sells 375,000 × 1.40 = 525,000 → 2,275,000 left; then +87,500 − 250,000
  ///   a month: month 14 starts with 2,275,000 − 13 × 162,500 = 162,500 and ends at 0; month
  ///   15 has 87,500 < 250,000 ⇒ 15 + 87,500/250,000 = 307/20.
  /// - $0.70: 262,500 → 2,012,500; then −206,250 a month: month 10 starts with 2,012,500 −
  ///   9 × 206,250 = 156,250, + 43,750 = 200,000 < 250,000 ⇒ 10 + 4/5 = 54/5.
  /// - $0.14: 52,500 → 1,802,500; then −241,250 a month: month 8 starts with 1,802,500 − 7 ×
  ///   241,250 = 113,750, + 8,750 = 122,500 ⇒ 8 + 122,500/250,000 = 849/100.
  /// A path point on 2027-01-01 at $1.00: 7 whole months unlocked, still 1,500,000 held, $1.5M.
  @Test func stressUnderShocksAndAPath() throws {
    let position = try TokenAcceptanceTests.computeCoGrant()
    let market = TokenMarket(
      tokens: [
        ComputeToken(
          symbol: "H100H", issuer: "computeco", unit: "H100-hour", peg: Ratio(5, 2))
      ],
      prices: try TokenAcceptanceTests.prices().marks)
    let runway = RunwayInputs(
      cash: Ratio(2_000_000), monthlyCashBurn: Ratio(150_000),
      monthlyComputeUnits: Ratio(40_000), computeUnitPrice: Ratio(5, 2))
    let rows = try TokenStress.run(
      [position], market: market, asOf: try date("2026-12-01"),
      shocks: [Ratio(-1, 2), Ratio(-9, 10)],
      path: [TokenPriceMark(symbol: "H100H", date: try date("2027-01-01"), price: .one)],
      runway: runway)
    #expect(rows.map(\.label) == ["market", "-50%", "-90%", "2027-01-01"])
    #expect(
      rows.map(\.heldValue) == [
        Ratio(2_100_000), Ratio(1_050_000), Ratio(210_000), Ratio(1_500_000),
      ])
    #expect(
      rows.map(\.fundingGap) == [
        Ratio(900_000), Ratio(1_950_000), Ratio(2_790_000), Ratio(1_500_000),
      ])
    #expect(rows[0].effectivePricePerShare == Ratio(2_100_000) / Ratio(1_730_802))
    #expect(rows.allSatisfy { $0.runwayRedeeming == Ratio(40, 3) })
    #expect(
      rows.prefix(3).map(\.runwaySelling) == [Ratio(307, 20), Ratio(54, 5), Ratio(849, 100)])
    #expect(throws: TokenError.self) {
      try TokenStress.run(
        [position], market: market, asOf: try date("2026-12-01"), shocks: [Ratio(-2)])
    }
  }

  /// The three offers on a company of 10,000,000 fully diluted (9,000,000 voting), $1M cash,
  /// $150k burn, 40,000 GPU-hours a month at $2.50, the token at $2.50, a 50 % drop:
  /// - cash pre 18M, 3M: stake 3 ÷ 21 = 1/7; new shares 3M × 10M ÷ 18M = 5,000,000/3;
  ///   compute 3,000,000 ÷ 2.5 = 1,200,000 h; runway (1M + 3M) ÷ 250,000 = 16.
  /// - credits 3M, 12 months: 1,200,000 h bought, min(1,200,000, 480,000) usable; cash lasts
  ///   1M ÷ 150k = 20/3 < 12 months of credits: runway 20/3; provider share 1 (capped).
  /// - tokens 1.5M at $2.00 for pre 18M: I = 3M, stake 1/7; 1,500,000 h; value 3,750,000,
  ///   after the drop 1,875,000; provider fully diluted (0 + 5,000,000/3) ÷ (10M + 5M/3) = 1/7;
  ///   voting (5M/3) ÷ (9M + 5M/3) = 5/32.
  @Test func financingComparison() throws {
    let outcomes = try FinancingComparison.compare(
      need: Ratio(3_000_000),
      company: .init(
        fullyDiluted: 10_000_000, votingShares: Ratio(9_000_000),
        runway: RunwayInputs(
          cash: Ratio(1_000_000), monthlyCashBurn: Ratio(150_000),
          monthlyComputeUnits: Ratio(40_000), computeUnitPrice: Ratio(5, 2))),
      offers: [
        .cash(preMoney: Ratio(18_000_000), amount: Ratio(3_000_000)),
        .credits(amount: Ratio(3_000_000), expiresMonths: 12),
        .tokens(
          tokens: 1_500_000, agreedPrice: Ratio(2), stake: .preMoney(Ratio(18_000_000))),
      ], marketPrice: Ratio(5, 2), unitsPerToken: .one, drop: Ratio(1, 2))
    let (cash, credits, tokens) = (outcomes[0], outcomes[1], outcomes[2])
    #expect(cash.foundersDilution == Ratio(1, 7))
    #expect(cash.newShares == Ratio(5_000_000, 3))
    #expect(cash.computeUnits == Ratio(1_200_000))
    #expect(cash.runwayMonths == Ratio(16))
    #expect(credits.foundersDilution == .zero && credits.computeUnits == Ratio(1_200_000))
    #expect(credits.runwayMonths == Ratio(20, 3))
    #expect(credits.providerComputeShare == .one)
    #expect(tokens.investorFullyDiluted == Ratio(1, 7))
    #expect(tokens.computeUnits == Ratio(1_500_000))
    #expect(tokens.valueToday == Ratio(3_750_000) && tokens.valueAfterDrop == Ratio(1_875_000))
    #expect(tokens.providerFullyDiluted == Ratio(1, 7))
    #expect(tokens.providerVoting == Ratio(5, 32))
    #expect(tokens.postMoney == Ratio(21_000_000))
  }
}
