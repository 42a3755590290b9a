import CapstanEngine
import CapstanModel
import Testing

/// The issue's worked example: two post-money SAFEs and a Series A with a 12 % pool target.
///
/// Hand derivation (base = 8,000,000 + 600,000 + 400,000 = 9,000,000 fully diluted):
///
/// SAFEs (YC post-money SAFE: Safe Price = Post-Money Valuation Cap ÷ Company Capitalization,
/// where Company Capitalization CC counts every share, option and pool share and every
/// converting security's shares, but not the round's pool increase). Both convert at their cap:
///   s_A = 500,000 × CC ÷ 8,000,000 = CC ÷ 16,   s_B = 1,000,000 × CC ÷ 12,000,000 = CC ÷ 12
///   CC = 9,000,000 + CC/16 + CC/12  ⇒  CC × 41/48 = 9,000,000  ⇒  CC = 432,000,000/41
///      = 10,536,585.365…
///   Safe Price A = 8,000,000 ÷ CC = 41/54 = 0.759259…;  s_A = ⌊658,536.58⌋ = 658,536
///   Safe Price B = 12,000,000 ÷ CC = 41/36 = 1.138889…; s_B = ⌊878,048.78⌋ = 878,048
///
/// Pool (solved exactly, fractional shares): pre-money fully diluted S = CC + P; price
/// p = 24,000,000 ÷ S; new shares 6,000,000 ÷ p = S/4; post-money = 1.25 × S. The target
///   400,000 + P ≥ 0.12 × 1.25 × (CC + P) = 0.15 × (CC + P)
///   ⇒ P ≥ (0.15 × CC − 400,000) ÷ 0.85 = 1,388,809.18…  ⇒  P = 1,388,810.
///
/// Rounding: S = 9,000,000 + 658,536 + 878,048 + 1,388,810 = 11,925,394;
///   p = 24,000,000 ÷ 11,925,394 = 2.012512… → $2.0125 (half-up, 4 places).
///   SAFE B's discount price 2.0125 × 0.8 = $1.61 is above its cap price: the cap binds.
///   Lead: ⌊6,000,000 ÷ 2.0125⌋ = ⌊2,981,366.46⌋ = 2,981,366.
///   Post-money fully diluted = 11,925,394 + 2,981,366 = 14,906,760.
///   Lead 2,981,366 ÷ 14,906,760 = 20.0001 %; founders 8,000,000 ÷ 14,906,760 = 53.6669 %;
///   pool 1,788,810 ÷ 14,906,760 = 11.999992 % = 12.0000 % at four places.
@Suite struct WorkedExampleTests {
  static func input(pool: PoolTopUp) throws -> RoundInput {
    RoundInput(
      capitalization: capitalization(founders: 8_000_000, options: 600_000, pool: 400_000),
      safes: [
        SAFE(
          id: "SAFE-A", holder: "SAFE A", purchaseAmount: Ratio(500_000),
          valuationCap: Ratio(8_000_000)),
        SAFE(
          id: "SAFE-B", holder: "SAFE B", purchaseAmount: Ratio(1_000_000),
          valuationCap: Ratio(12_000_000), discount: ratio(1, 5)),
      ],
      valuation: .preMoney(Ratio(24_000_000)),
      investors: [Investor("Lead", amount: Ratio(6_000_000))],
      pool: pool, closing: try date("2026-03-01"))
  }

  @Test func reproducesTheIssuesNumbers() throws {
    let result = try PricedRound.model(Self.input(pool: .target(ratio(12, 100))))

    #expect(result.price.rounded == (try exact("2.0125")))
    #expect(result.price.exact == ratio(24_000_000, 11_925_394))
    #expect(result.pool.increase == 1_388_810)

    let safeA = try conversion(result, "SAFE-A")
    #expect(safeA.binding == .cap)
    #expect(safeA.shares == 658_536)
    #expect(safeA.conversionPrice == ratio(41, 54))
    #expect(safeA.conversionPrice.decimalString(places: 6) == "0.759259")
    #expect(safeA.capitalization == ratio(432_000_000, 41))

    let safeB = try conversion(result, "SAFE-B")
    #expect(safeB.binding == .cap)
    #expect(safeB.shares == 878_048)
    #expect(safeB.conversionPrice == ratio(41, 36))
    #expect(safeB.conversionPrice.decimalString(places: 6) == "1.138889")
    #expect(safeB.discountPrice == (try exact("1.61")))

    #expect(result.investors.map(\.shares) == [2_981_366])
    #expect(result.preMoneyFullyDiluted == 11_925_394)
    #expect(result.postMoneyFullyDiluted == 14_906_760)

    let table = result.proForma
    #expect(table.row("Lead")?.fractionAfter.percentString(places: 4) == "20.0001%")
    #expect(table.row("Founders")?.fractionAfter.percentString(places: 4) == "53.6669%")
    #expect(table.pool?.after == 1_788_810)
    #expect(table.pool?.fractionAfter.percentString(places: 4) == "12.0000%")
    #expect(Ratio.sum(table.rows.map(\.fractionAfter)) == .one)
    #expect(table.rows.reduce(Shares.zero) { $0 + $1.after } == result.postMoneyFullyDiluted)
  }

  /// The target is met in the exact solution, with the minimum the issue quotes.
  @Test func poolTargetIsMetInTheExactSolution() throws {
    let result = try PricedRound.model(Self.input(pool: .target(ratio(12, 100))))
    let check = try #require(result.pool.target)
    #expect(check.exactFraction >= ratio(12, 100))
    let oneFewer = try #require(check.exactFractionWithOneFewer)
    #expect(oneFewer < ratio(12, 100))
    // (0.15 × 432,000,000/41 − 400,000) ÷ 0.85 = 1,180,487.80… ÷ 0.85
    let minimum = (ratio(15, 100) * ratio(432_000_000, 41) - Ratio(400_000)) / ratio(85, 100)
    #expect(check.continuousMinimum == minimum)
    #expect(minimum.decimalString(places: 1) == "1388809.2")
  }

  /// Documents the reading: after rounding, 1,788,810 ÷ 14,906,760 is 11.999992 %, a hair under
  /// the target; the final table alone would need 1,388,812 new pool shares.
  @Test func finalTableFallsAHairShortOfTheTarget() throws {
    let result = try PricedRound.model(Self.input(pool: .target(ratio(12, 100))))
    let fraction = try #require(result.proForma.pool?.fractionAfter)
    #expect(fraction == ratio(1_788_810, 14_906_760))
    #expect(fraction < ratio(12, 100))

    // With the price fixed at $2.0125 and 2,981,366 lead shares, the final table needs
    // 400,000 + P ≥ 0.12 × (10,536,584 + P + 2,981,366) ⇒ P ≥ 1,388,811.36 ⇒ 1,388,812.
    let at1388811 = try PricedRound.model(Self.input(pool: .increase(1_388_811)))
    let at1388812 = try PricedRound.model(Self.input(pool: .increase(1_388_812)))
    #expect(try #require(at1388811.proForma.pool).fractionAfter < ratio(12, 100))
    #expect(try #require(at1388812.proForma.pool).fractionAfter >= ratio(12, 100))
    #expect(at1388812.price.rounded == (try exact("2.0125")))
  }
}
