import BigInt
import CapstanModel
import Testing

/// 2^n as a BigInt, so big expected values are written from their definition.
func power2(_ n: Int) -> BigInt { BigInt(1) << n }

/// `n/d` with both terms typed, since `Ratio(1, 2)` is ambiguous between the `Int64` and
/// `BigInt` initializers when both are literals.
func frac(_ n: Int64, _ d: Int64) -> Ratio { Ratio(n, d) }

@Suite("Ratio arithmetic")
struct RatioArithmeticTests {
  enum Op: String, Sendable, CustomStringConvertible {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    var description: String { rawValue }
  }

  @Test(
    "exact arithmetic in lowest terms",
    arguments: [
      // 1/2 + 1/3 = 3/6 + 2/6 = 5/6
      (frac(1, 2), Op.add, frac(1, 3), frac(5, 6)),
      // 1/6 + 1/3 = 1/6 + 2/6 = 3/6 = 1/2 (reduced after adding)
      (frac(1, 6), .add, frac(1, 3), frac(1, 2)),
      // 1/2 - 1/3 = 3/6 - 2/6 = 1/6
      (frac(1, 2), .subtract, frac(1, 3), frac(1, 6)),
      // 1/3 - 1/2 = -1/6
      (frac(1, 3), .subtract, frac(1, 2), frac(-1, 6)),
      // 2/3 × 9/4 = 18/12 = 3/2
      (frac(2, 3), .multiply, frac(9, 4), frac(3, 2)),
      // -2/3 × 3/2 = -1
      (frac(-2, 3), .multiply, frac(3, 2), Ratio(-1)),
      // (3/4) ÷ (3/8) = 3/4 × 8/3 = 2
      (frac(3, 4), .divide, frac(3, 8), Ratio(2)),
      // (1/2) ÷ (-1/4) = -2: the sign moves to the numerator
      (frac(1, 2), .divide, frac(-1, 4), Ratio(-2)),
    ])
  func arithmetic(lhs: Ratio, op: Op, rhs: Ratio, expected: Ratio) {
    let result: Ratio
    switch op {
    case .add: result = lhs + rhs
    case .subtract: result = lhs - rhs
    case .multiply: result = lhs * rhs
    case .divide: result = lhs / rhs
    }
    #expect(result == expected)
    #expect(result.numerator == expected.numerator)
    #expect(result.denominator == expected.denominator)
  }

  @Test("compound assignment, sum, reciprocal and magnitude")
  func compound() {
    var x = frac(1, 4)
    x += frac(1, 4)  // 1/2
    x *= Ratio(3)  // 3/2
    x -= frac(1, 2)  // 1
    #expect(x == .one)
    // 1/2 + 1/3 + 1/6 = 3/6 + 2/6 + 1/6 = 1
    #expect(Ratio.sum([frac(1, 2), frac(1, 3), frac(1, 6)]) == .one)
    #expect(Ratio.sum([Ratio]()) == .zero)
    // the reciprocal of -3/7 is -7/3; the magnitude of -7/3 is 7/3
    #expect(frac(-3, 7).reciprocal == frac(-7, 3))
    #expect(frac(-7, 3).magnitude == frac(7, 3))
  }

  @Test(
    "reduction keeps lowest terms and a positive denominator",
    arguments: [
      // 6/8: gcd 2 → 3/4
      (Int64(6), Int64(8), BigInt(3), BigInt(4)),
      // 6/-8: the sign moves up → -3/4
      (6, -8, -3, 4),
      // -6/-8 → 3/4
      (-6, -8, 3, 4),
      // 0/-7 is zero, written 0/1
      (0, -7, 0, 1),
      // 7007 = 7 × 1001 → 1/7
      (1001, 7007, 1, 7),
      // Int64.min / Int64.min = 1
      (Int64.min, Int64.min, 1, 1),
    ])
  func reduction(n: Int64, d: Int64, numerator: BigInt, denominator: BigInt) {
    let r = Ratio(n, d)
    #expect(r.numerator == numerator)
    #expect(r.denominator == denominator)
  }

  @Test("equal values are equal and hash alike however they were written")
  func equalityAndHashing() {
    let set: Set<Ratio> = [frac(1, 2), frac(2, 4), frac(-3, -6), Ratio(BigInt(5), BigInt(10))]
    #expect(set.count == 1)
    #expect(frac(0, 5).isZero)
    #expect(frac(4, 2).isInteger)
    #expect(!frac(3, 2).isInteger)
    #expect(frac(-1, 9).isNegative)
    #expect(!Ratio.zero.isNegative)
  }

  @Test("comparison is exact")
  func comparison() {
    #expect(frac(1, 3) < frac(1, 2))
    #expect(frac(-1, 2) < frac(-1, 3))
    #expect(!(frac(2, 4) < frac(1, 2)))
    // (10^9+7)/(10^9+9) vs (10^9+8)/(10^9+10), by cross products:
    // (10^9+7)(10^9+10) = 10^18 + 17·10^9 + 70 < (10^9+8)(10^9+9) = 10^18 + 17·10^9 + 72
    let a = frac(1_000_000_007, 1_000_000_009)
    let b = frac(1_000_000_008, 1_000_000_010)
    #expect(a < b)
    #expect(b > a)
    // Int64.max / (Int64.max − 1) is just above 1
    #expect(Ratio(Int64.max, Int64.max - 1) > .one)
    #expect(
      [frac(3, 4), Ratio(-2), frac(1, 8)].sorted() == [Ratio(-2), frac(1, 8), frac(3, 4)])
  }
}

@Suite("Ratio beyond Int64")
struct RatioBigValueTests {
  @Test("(2^62/3) × (2^62/7) = 2^124/21, and back")
  func productAndBack() {
    let p = Ratio(Int64(1) << 62, 3)  // 2^62 is not divisible by 3: stays 2^62/3
    let q = Ratio(Int64(1) << 62, 7)  // nor by 7
    let product = p * q
    // The numerators multiply to 2^124, the denominators to 21; nothing cancels.
    #expect(product.numerator == power2(124))
    #expect(product.denominator == 21)
    // 2^124 written out (a second source: 2^124 = 16^31 ≈ 2.1268e37)
    #expect(product.numerator == BigInt("21267647932558653966460912964485513216"))
    // Dividing back gives the original small values, equal in every respect.
    #expect(product / q == p)
    #expect(product / p == q)
    #expect((product / q).numerator == power2(62))
    #expect(product * Ratio(21) == Ratio(power2(124)))
    #expect((product * Ratio(21)).isInteger)
    #expect((product - product).isZero)
    #expect(product + frac(1, 21) > product)
    // same numerator, smaller denominator: 2^124/21 < 2^124/20
    #expect(product < Ratio(power2(124), BigInt(20)))
  }

  @Test("values that overflow Int64 move to BigInt and come back")
  func crossingInt64() {
    // Int64.max + Int64.max = 2(2^63 − 1) = 2^64 − 2
    #expect((Ratio(Int64.max) + Ratio(Int64.max)).numerator == power2(64) - 2)
    // Int64.min / -1 = 2^63, one more than Int64.max
    #expect(Ratio(Int64.min, -1).numerator == power2(63))
    #expect(Ratio(Int64.min, -1) == Ratio(power2(63)))
    #expect(-Ratio(Int64.min) == Ratio(power2(63)))
    // 2^63 − 1 is Int64.max again
    #expect(Ratio(power2(63)) - .one == Ratio(Int64.max))
    // 2^70/3 + 1/3 = (2^70 + 1)/3; 2^70 = 4^35 ≡ 1 (mod 3), so 2^70 + 1 ≡ 2: nothing cancels
    let sum = Ratio(power2(70), BigInt(3)) + frac(1, 3)
    #expect(sum.numerator == power2(70) + 1)
    #expect(sum.denominator == 3)
    // one more third: 2^70 + 2 ≡ 0 (mod 3), an integer
    #expect((sum + frac(1, 3)).isInteger)
  }

  @Test("hash and equality agree across the small/big boundary")
  func hashAcrossBoundary() {
    // 2^100 / 2^99 = 2, reached through big operands
    let viaBig = Ratio(power2(100), power2(99))
    #expect(viaBig == Ratio(2))
    #expect(Set([viaBig, Ratio(2)]).count == 1)
  }
}

@Suite("Ratio floor, ceiling and rounding")
struct RatioRoundingTests {
  @Test(
    "floor and ceiling",
    arguments: [
      // -3.5 → floor -4, ceiling -3
      (frac(-7, 2), BigInt(-4), BigInt(-3)),
      (frac(7, 2), 3, 4),
      // integers are their own floor and ceiling
      (Ratio(-4), -4, -4),
      (Ratio.zero, 0, 0),
      // -0.333… → -1, 0
      (frac(-1, 3), -1, 0),
      (frac(1, 3), 0, 1),
      // Int64.min / 3 = -3074457345618258602.67 → floor …603, ceiling …602
      (
        Ratio(Int64.min, 3), BigInt(-3_074_457_345_618_258_603),
        BigInt(-3_074_457_345_618_258_602)
      ),
      // -(2^70 + 1)/2 = -2^69 − 0.5 → floor -2^69 − 1, ceiling -2^69
      (-Ratio(power2(70) + 1, BigInt(2)), -power2(69) - 1, -power2(69)),
      // (2^70 + 1)/2 = 2^69 + 0.5 → floor 2^69, ceiling 2^69 + 1
      (Ratio(power2(70) + 1, BigInt(2)), power2(69), power2(69) + 1),
    ])
  func floorAndCeiling(value: Ratio, floor: BigInt, ceiling: BigInt) {
    #expect(value.floor == floor)
    #expect(value.ceiling == ceiling)
  }

  @Test(
    "rounded(places:) half-up is half away from zero",
    arguments: [
      // 2.5 → 3 and -2.5 → -3 (exact halves go away from zero)
      (frac(5, 2), 0, Ratio(3)),
      (frac(-5, 2), 0, Ratio(-3)),
      // 12.5 → 13
      (frac(25, 2), 0, Ratio(13)),
      // 0.125 → 0.13, -0.125 → -0.13
      (frac(1, 8), 2, frac(13, 100)),
      (frac(-1, 8), 2, frac(-13, 100)),
      // 1.005 is exact here (a Double would hold 1.00499…) → 1.01
      (frac(1005, 1000), 2, frac(101, 100)),
      // 0.124999 → 0.12
      (frac(124_999, 1_000_000), 2, frac(12, 100)),
      // 2/3 = 0.66666… → 0.6667; -2/3 → -0.6667; 1/3 → 0.3333
      (frac(2, 3), 4, frac(6667, 10000)),
      (frac(-2, 3), 4, frac(-6667, 10000)),
      (frac(1, 3), 4, frac(3333, 10000)),
      // 0.00005 → 0.0001; -0.00005 → -0.0001; 0.00004999 → 0
      (frac(5, 100_000), 4, frac(1, 10000)),
      (frac(-5, 100_000), 4, frac(-1, 10000)),
      (frac(4999, 100_000_000), 4, Ratio.zero),
      // -0.4 → 0
      (frac(-2, 5), 0, Ratio.zero),
    ])
  func halfUp(value: Ratio, places: Int, expected: Ratio) {
    #expect(value.rounded(places: places) == expected)
  }

  @Test(
    "the other rounding rules",
    arguments: [
      // down is toward zero: 2.7 → 2, -2.7 → -2
      (frac(27, 10), RoundingRule.down, Ratio(2)),
      (frac(-27, 10), .down, Ratio(-2)),
      // floor: -2.1 → -3; ceiling: -2.9 → -2 and 2.1 → 3
      (frac(-21, 10), .floor, Ratio(-3)),
      (frac(-29, 10), .ceiling, Ratio(-2)),
      (frac(21, 10), .ceiling, Ratio(3)),
      // an integer is unchanged by every rule
      (Ratio(3), .ceiling, Ratio(3)),
    ])
  func otherRules(value: Ratio, rule: RoundingRule, expected: Ratio) {
    #expect(value.rounded(places: 0, rule) == expected)
  }

  @Test("the standard rounding policy: price half-up to 4 places, shares floored")
  func roundingPolicy() {
    // $10,000,000 ÷ 8,765,432 shares = 1.140845… → 1.1408
    let exact = frac(10_000_000, 8_765_432)
    #expect(RoundingPolicy.standard.roundPrice(exact) == frac(11408, 10000))
    // 1234.99 shares → 1234
    #expect(RoundingPolicy.standard.shares(frac(123_499, 100)) == Shares(1234))
  }

  @Test("lowest terms agree with BigInt's gcd, at the edges and for seeded pairs")
  func lowestTerms() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      // Mix sizes: small values share factors often, large ones exercise every bit.
      let shift = Int(state >> 58)
      return Int64(bitPattern: state) >> shift
    }
    var pairs: [(Int64, Int64)] = [
      (0, 7), (0, -7), (12, 18), (-12, 18), (12, -18), (Int64.min, 1), (Int64.min, 2),
      (Int64.min, -2), (1, Int64.min), (Int64.max, Int64.max), (Int64.min, Int64.min),
      (1 << 40, 1 << 62), (3 << 50, 9 << 20),
    ]
    for _ in 0..<2000 {
      let d = next()
      pairs.append((next(), d == 0 ? 1 : d))
    }
    for (n, d) in pairs {
      let value = Ratio(n, d)
      var bn = BigInt(n)
      var bd = BigInt(d)
      if bd < 0 {
        bn.negate()
        bd.negate()
      }
      let g = BigInt(bn.magnitude.greatestCommonDivisor(with: bd.magnitude))
      #expect(value.numerator == bn / g, "\(n)/\(d)")
      #expect(value.denominator == bd / g, "\(n)/\(d)")
    }
  }
}
