import CapstanEngine
import CapstanModel
import Testing

/// Founders 7,000,000, Seed Fund 2,000,000 (an investors' rights pro rata right), pool
/// 1,000,000; an Angel SAFE of $250,000 at a $5M post-money cap with a pro rata side letter;
/// $20M pre-money; Lead $4,000,000.
///
/// CC = 10,000,000 ÷ (1 − 1/20) = 10,526,315.79; cap price 5,000,000 ÷ CC = 0.475;
/// Angel ⌊526,315.79⌋ = 526,315. S = 10,526,315; price 20,000,000 ÷ S = 1.90000014 → 1.9000.
/// The round sells T = ⌊4,000,000 ÷ 1.9⌋ = 2,105,263 shares.
/// Seed Fund (IRA right): f = 2,000,000 ÷ (10,000,000 − 1,000,000 pool) = 2/9; entitled to
/// ⌊2/9 × 2,105,263⌋ = ⌊467,836.2⌋ = 467,836 shares, $888,888.40 at $1.90.
/// Angel (side letter): f = 526,315 ÷ (10,000,000 + 526,315) = 526,315 ÷ 10,526,315; entitled
/// to 526,315 × 2,105,263 ÷ 10,526,315 = 105,263 shares exactly (10,526,315 = 5 × 2,105,263),
/// $199,999.70; $100,000 buys ⌊52,631.58⌋ = 52,631.
/// Carved out of the Lead's shares, so post-money fully diluted stays 10,000,000 + 526,315 +
/// 2,105,263 = 12,631,578.
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

    let seed = try #require(result.proRata.first { $0.holder == "Seed Fund" })
    #expect(seed.fraction == ratio(2, 9))
    #expect(seed.entitlement == ratio(4_444_442, 5))
    #expect(seed.taken == seed.entitlement)
    #expect(seed.declined == .zero)
    #expect(seed.shares == 467_836)

    let angel = try #require(result.proRata.first { $0.holder == "Angel" })
    #expect(angel.fraction == ratio(526_315, 10_526_315))
    #expect(angel.entitlement == ratio(1_999_997, 10))
    #expect(angel.taken == .zero)
    #expect(angel.declined == angel.entitlement)
    #expect(angel.shares == 0)

    // 2,105,263 − 467,836 = 1,637,427 for the Lead.
    #expect(result.investors.map(\.shares) == [1_637_427])
    #expect(result.postMoneyFullyDiluted == 12_631_578)
    // The Lead's cheque shrinks by what Seed Fund pays; the round's money stays $4,000,000.
    #expect(result.newMoney == Ratio(4_000_000))
    let row = try #require(result.proForma.row("Seed Fund"))
    #expect(row.proRata == 467_836)
    #expect(row.after == 2_467_836)
    #expect(row.fractionAfter == ratio(2_467_836, 12_631_578))
    #expect(Ratio.sum(result.proForma.rows.map(\.fractionAfter)) == .one)
  }

  @Test func partialTake() throws {
    let result = try PricedRound.model(
      Self.input([.init("Angel", take: .amount(Ratio(100_000)))]))
    let angel = try #require(result.proRata.first)
    // 52,631 × 1.90 = 99,998.90: the shares the $100,000 buys, at the round price.
    #expect(angel.taken == ratio(999_989, 10))
    #expect(angel.shares == 52_631)
    #expect(result.proForma.row("Angel")?.conversion == 526_315)
    #expect(result.proForma.row("Angel")?.proRata == 52_631)
    // 2,105,263 − 52,631
    #expect(result.investors.map(\.shares) == [2_052_632])
    #expect(result.postMoneyFullyDiluted == 12_631_578)
  }

  /// `proRataOnTop`: the Lead keeps its 2,105,263 and Seed Fund's 467,836 come on top:
  /// 12,631,578 + 467,836 = 13,099,414.
  @Test func onTopTheRoundGrows() throws {
    var input = try Self.input([.init("Seed Fund", take: .full)])
    input.proRataOnTop = true
    let result = try PricedRound.model(input)
    #expect(result.investors.map(\.shares) == [2_105_263])
    #expect(result.proRata.first?.shares == 467_836)
    #expect(result.postMoneyFullyDiluted == 13_099_414)
    #expect(result.newMoney == Ratio(4_000_000) + ratio(4_444_442, 5))
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
