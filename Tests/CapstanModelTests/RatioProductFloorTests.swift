import BigInt
import CapstanModel
import Testing

/// `floor(count × ratio)` without `BigInt` when it can, exactly always.
@Suite struct RatioProductFloorTests {
  @Test(
    arguments: [
      // 7 × 3/2 = 10.5 → 10; −7 × 3/2 = −10.5 → −11 (toward minus infinity)
      (Int64(7), frac(3, 2), Int64(10)),
      (-7, frac(3, 2), -11),
      // 6 × 3/2 = 9 and −6 × 3/2 = −9 exactly: nothing dropped
      (6, frac(3, 2), 9),
      (-6, frac(3, 2), -9),
      // 2^62 × 3 overflows 64 bits before the division by 2: 3 × 2^61
      (1 << 62, frac(3, 2), 3 << 61),
      // 3 × 2^62 is past Int64: clamped to its ends
      (1 << 62, Ratio(3), Int64.max),
      (-(1 << 62), Ratio(3), Int64.min),
    ] as [(Int64, Ratio, Int64)])
  func productFloorOfACount(count: Int64, ratio: Ratio, expected: Int64) {
    #expect(ratio.productFloor(count: count) == expected)
  }

  /// A ratio past 64 bits, 2^70 ÷ (2^70 + 1), just below 1: 10 × it is just below 10, so 9.
  @Test func productFloorOfABigRatio() {
    let ratio = Ratio(power2(70), power2(70) + 1)
    #expect(ratio.productFloor(count: 10) == 9)
    #expect(Ratio(10).productFloor(ratio) == Ratio(9))
  }

  /// The rational form: 7 × 3/2 → 10; 7/2 × 3 = 21/2 → 10; 2^62 × 3 = 3 × 2^62, not clamped.
  @Test func productFloorOfARatio() {
    #expect(Ratio(7).productFloor(frac(3, 2)) == Ratio(10))
    #expect(frac(7, 2).productFloor(Ratio(3)) == Ratio(10))
    #expect(Ratio(Int64(1) << 62).productFloor(Ratio(3)) == Ratio(BigInt(3) << 62))
    #expect(Ratio(-7).productFloor(frac(3, 2)) == Ratio(-11))
  }
}
