import CapstanEngine
import CapstanModel
import Testing

/// Founders 7,000,000, Seed Fund 2,000,000 (pro rata right), pool 1,000,000; an Angel SAFE of
/// $250,000 at a $5M post-money cap with a pro rata right; $20M pre-money; Lead $4,000,000.
///
/// CC = 10,000,000 ÷ (1 − 1/20) = 10,526,315.79; cap price 5,000,000 ÷ CC = 0.475;
/// Angel ⌊526,315.79⌋ = 526,315. S = 10,526,315; price 20,000,000 ÷ S = 1.90000014 → 1.9000.
/// Lead ⌊4,000,000 ÷ 1.9⌋ = 2,105,263.
/// Seed Fund: f = 2,000,000 ÷ 10,526,315; entitlement f × 4,000,000 = 760,000.057;
/// full: ⌊400,000.03⌋ = 400,000 shares. Angel: f = 526,315 ÷ 10,526,315; entitlement
/// 199,999.71; $100,000 buys ⌊52,631.58⌋ = 52,631.
@Suite struct ProRataTests {
  static func input(_ elections: [ProRataElection]) throws -> RoundInput {
    RoundInput(
      capitalization: PreRoundCapitalization(
        holdings: [
          .init("Founders", stock: 7_000_000),
          .init("Seed Fund", stock: 2_000_000, proRataRight: true),
        ],
        unissuedPool: 1_000_000),
      safes: [
        SAFE(
          id: "SAFE-1", holder: "Angel", purchaseAmount: Ratio(250_000),
          valuationCap: Ratio(5_000_000), proRata: true)
      ],
      valuation: .preMoney(Ratio(20_000_000)),
      investors: [Investor("Lead", amount: Ratio(4_000_000))], proRata: elections,
      closing: try date("2026-01-15"))
  }

  @Test func takenAndDeclined() throws {
    let result = try PricedRound.model(
      Self.input([.init("Seed Fund", take: .full), .init("Angel", take: .declined)]))
    #expect(result.price.rounded == ratio(19, 10))
    #expect(result.investors.map(\.shares) == [2_105_263])

    let seed = try #require(result.proRata.first { $0.holder == "Seed Fund" })
    #expect(seed.fraction == ratio(2_000_000, 10_526_315))
    #expect(seed.entitlement == ratio(8_000_000_000_000, 10_526_315))
    #expect(seed.taken == seed.entitlement)
    #expect(seed.declined == .zero)
    #expect(seed.shares == 400_000)

    let angel = try #require(result.proRata.first { $0.holder == "Angel" })
    #expect(angel.fraction == ratio(526_315, 10_526_315))
    #expect(angel.taken == .zero)
    #expect(angel.declined == angel.entitlement)
    #expect(angel.shares == 0)

    #expect(result.postMoneyFullyDiluted == 13_031_578)
    #expect(result.newMoney == Ratio(4_000_000) + seed.entitlement)
    let row = try #require(result.proForma.row("Seed Fund"))
    #expect(row.proRata == 400_000)
    #expect(row.after == 2_400_000)
    #expect(row.fractionAfter == ratio(2_400_000, 13_031_578))
    #expect(Ratio.sum(result.proForma.rows.map(\.fractionAfter)) == .one)
  }

  @Test func partialTake() throws {
    let result = try PricedRound.model(
      Self.input([.init("Angel", take: .amount(Ratio(100_000)))]))
    let angel = try #require(result.proRata.first)
    #expect(angel.taken == Ratio(100_000))
    #expect(angel.shares == 52_631)
    #expect(result.proForma.row("Angel")?.conversion == 526_315)
    #expect(result.proForma.row("Angel")?.proRata == 52_631)
    // 10,526,315 + 2,105,263 + 52,631
    #expect(result.postMoneyFullyDiluted == 12_684_209)
  }

  @Test func entitlementAndRightAreEnforced() throws {
    let tooMuch = roundError(try Self.input([.init("Angel", take: .amount(Ratio(300_000)))]))
    guard case .proRataExceedsEntitlement(let holder, let requested, _) = tooMuch else {
      Issue.record("expected proRataExceedsEntitlement, got \(String(describing: tooMuch))")
      return
    }
    #expect(holder == "Angel")
    #expect(requested == Ratio(300_000))
    #expect(
      roundError(try Self.input([.init("Founders", take: .full)]))
        == .noProRataRight(holder: "Founders"))
    #expect(
      roundError(try Self.input([.init("Angel", take: .full), .init("Angel", take: .declined)]))
        == .duplicateProRataElection(holder: "Angel"))
  }
}
