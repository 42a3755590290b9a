import BigInt
import CapstanEngine
import CapstanModel
import PropertyBased
import Testing

/// The limits of docs/limits.md fed to the engine: exits up to the money limit (cents far past
/// Int64) pay out exactly; capitalizations at the share limit summed past Int64 are refused
/// cleanly, never trapped.
@Suite struct LimitsPropertyTests {
  static let seeds = Gen.int64(in: 0...Int64.max)
  static let cents = Gen.int64(in: 0...Int64.max)

  /// exit = c × 11 cents, for c up to Int64.max: up to about 1.01 × 10^20 cents, past Int64
  /// (9.22 × 10^18) and the money limit (10^20 cents); each holder's cents are its exact payout
  /// rounded half-up, and they miss c × 11 by exactly the reported rounding difference, at most
  /// half a cent per holder.
  @Test func exitsPastInt64CentsPayOutExactly() async {
    await propertyCheck(count: 60, input: Self.seeds, Self.cents) { seed, c in
      let random = RandomCapitalization(seed: UInt64(seed))
      let total = BigInt(c) * 11
      let exit = Ratio(total, BigInt(100))
      guard let waterfall = waterfall(random),
        let (direct, _) = distributions(waterfall, at: exit, random.description)
      else { return }
      let cents = direct.holders.reduce(BigInt(0)) { $0 + $1.cents }
      #expect(
        direct.holders.allSatisfy { $0.cents == ($0.payout * Ratio(100) + Ratio(1, 2)).floor },
        "\(random) at \(c)")
      #expect(cents - total == direct.roundingDifference, "\(random) at \(c)")
      #expect(direct.roundingDifference.magnitude * 2 <= direct.holders.count, "\(random)")
      #expect(Ratio.sum(direct.holders.map(\.payout)) == exit, "\(random)")
    }
  }

  /// n holdings of 10^15 shares (the share limit) and a pool of 10^15: a clean
  /// `RoundError.overflow` once the total passes Int64.max (n ≥ 9,223), else the exact total
  /// (n + 1) × 10^15.
  @Test(arguments: [1, 100, 9_222, 9_223, 20_000])
  func scenarioTotalsAtTheShareLimit(_ count: Int) throws {
    let maximum = Shares(Limits.maximumShares)
    let holdings = (0..<count).map {
      PreRoundCapitalization.Holding(.newInvestor("H\($0)"), stock: maximum)
    }
    let capitalization = PreRoundCapitalization(holdings: holdings, unissuedPool: maximum)
    // Int64.max = 9,223,372,036,854,775,807 ≥ (n + 1) × 10^15 exactly when n + 1 ≤ 9,223.
    if count + 1 <= 9_223 {
      #expect(
        try capitalization.checkedFullyDilutedShares()
          == Shares(Int64(count + 1) * Limits.maximumShares))
    } else {
      #expect(throws: RoundError.self) { try capitalization.checkedFullyDilutedShares() }
      #expect(capitalization.fullyDilutedShares == Shares(.max))
    }
  }

  /// The longest period (1,200 months) at the share limit vests exactly: floor(10^15 × m ÷
  /// 1,200) after m months, all of it at the end.
  @Test(arguments: [0, 1, 599, 1_199, 1_200, 1_500])
  func vestingAtTheLimits(_ months: Int) throws {
    let start = try #require(CalendarDate(iso: "2025-01-01"))
    let terms = VestingTerms(
      VestingSchedule(start: start, totalMonths: Limits.maximumPeriodMonths, cliffMonths: 0))
    let vested = terms.vested(
      of: Shares(Limits.maximumShares), asOf: start.adding(months: months))
    let expected = BigInt(Limits.maximumShares) * BigInt(min(months, 1_200)) / 1_200
    #expect(BigInt(vested.count) == expected)
  }
}
