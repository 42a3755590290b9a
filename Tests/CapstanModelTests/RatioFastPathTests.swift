import BigInt
import Testing

@testable import CapstanModel

/// A seeded generator, so a failure names values that can be run again.
struct FastPathRandom: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// An `Int64` of a random size: zero, one digit, up to the full range, the extremes.
  mutating func int64() -> Int64 {
    switch Int.random(in: 0..<8, using: &self) {
    case 0: return 0
    case 1:
      let extremes: [Int64] = [.max, .min, .min + 1, -1, 1]
      return extremes[Int.random(in: 0..<extremes.count, using: &self)]
    default:
      let bits = Int.random(in: 1...63, using: &self)
      let magnitude = Int64.random(in: 0...(Int64.max >> (63 - bits)), using: &self)
      return Bool.random(using: &self) ? -magnitude : magnitude
    }
  }

  /// A positive denominator: often a power of ten or two (money), sometimes anything.
  mutating func denominator() -> Int64 {
    switch Int.random(in: 0..<4, using: &self) {
    case 0: return Ratio.powersOfTen[Int.random(in: 0...18, using: &self)]
    case 1: return 2 * Ratio.powersOfTen[Int.random(in: 0...18, using: &self)]
    case 2: return Int64(1) << Int.random(in: 0...62, using: &self)
    default: return Swift.max(1, abs(int64() / 2))
    }
  }

  /// A small ratio (its terms within `Int64`).
  mutating func ratio() -> Ratio { Ratio(int64(), denominator()) }
}

/// The integer paths of `Ratio`'s decimal text and rounding against the exact `BigInt` paths.
@Suite("Ratio fast paths equal the BigInt paths")
struct RatioFastPathTests {
  @Test("decimalString: integer path == BigInt path on random values, every rule")
  func decimalStringProperty() {
    var random = FastPathRandom(state: 19)
    for _ in 0..<5_000 {
      let value = random.ratio()
      let places = Int.random(in: 0...20, using: &random)
      let keep: Int? = [nil, 0, 1, places, places + 2][Int.random(in: 0..<5, using: &random)]
      let grouping = Bool.random(using: &random)
      for rule in RoundingRule.allCases {
        let fast = value.decimalString(
          places: places, rule: rule, minimumPlaces: keep, grouping: grouping)
        let exact = value.decimalStringByBigInt(
          places: places, rule: rule, minimumPlaces: keep, grouping: grouping)
        #expect(fast == exact, "\(value.fractionString) places \(places) \(rule)")
        if fast != exact { return }
      }
    }
  }

  @Test("rounded: integer path == BigInt path on random values, every rule")
  func roundedProperty() {
    var random = FastPathRandom(state: 6)
    for _ in 0..<5_000 {
      let value = random.ratio()
      let places = Int.random(in: 0...18, using: &random)
      for rule in RoundingRule.allCases {
        let fast = value.rounded(places: places, rule)
        let exact = value.roundedByBigInt(places: places, rule)
        #expect(fast == exact, "\(value.fractionString) places \(places) \(rule)")
        if fast != exact { return }
      }
    }
  }

  @Test(
    "halves at the rounding boundary, by hand",
    arguments: [
      // 5/1000 = 0.005: half-up 0.01, down 0.00, floor 0.00, ceiling 0.01
      (Ratio(5, 1000), ["0.01", "0.00", "0.00", "0.01"]),
      // -0.005: half-up away from zero -0.01; down toward zero 0.00 (no sign on zero);
      // floor -0.01; ceiling 0.00
      (Ratio(-5, 1000), ["-0.01", "0.00", "-0.01", "0.00"]),
      // 0.004999... = 4999/1_000_000: below the half, half-up 0.00
      (Ratio(4999, 1_000_000), ["0.00", "0.00", "0.00", "0.01"]),
      // 1/2 cent under a whole: 99.995 → 100.00 half-up (carries into a new digit)
      (Ratio(99_995, 1000), ["100.00", "99.99", "99.99", "100.00"]),
      // 0 in every rule
      (Ratio.zero, ["0.00", "0.00", "0.00", "0.00"]),
    ])
  func halves(value: Ratio, expected: [String]) {
    let rules: [RoundingRule] = [.halfUp, .down, .floor, .ceiling]
    #expect(rules.map { value.decimalString(places: 2, rule: $0) } == expected)
    #expect(rules.map { value.decimalStringByBigInt(places: 2, rule: $0) } == expected)
  }

  @Test("values beyond 64 and 128 bits, by hand")
  func huge() {
    // Int64.max × 10^18 has 37 digits: the 128-bit digit split; 9223372036854775807 then
    // eighteen zeros after the point.
    let max = Ratio(Int64.max)
    let zeros = String(repeating: "0", count: 18)
    #expect(max.decimalString(places: 18) == "9223372036854775807." + zeros)
    #expect(Ratio(Int64.min).decimalString(places: 18) == "-9223372036854775808." + zeros)
    // 30 digits: a BigInt value, grouped by threes.
    let big = Ratio(BigInt("123456789012345678901234567890") ?? 0)
    #expect(
      big.decimalString(places: 2, grouping: true)
        == "123,456,789,012,345,678,901,234,567,890.00")
    // 10^40 + 1/2 rounds half-up to ...001 at 0 places and keeps the half at 1.
    let huge = Ratio(BigInt(10).power(40) * 2 + 1, BigInt(2))
    #expect(huge.decimalString(places: 0) == "1" + String(repeating: "0", count: 39) + "1")
    #expect(huge.decimalString(places: 1) == "1" + String(repeating: "0", count: 40) + ".5")
    // One cent in a 2^70-cent amount stays exact: 2^70 = 1180591620717411303424.
    let cents = Ratio(BigInt(1) << 70, BigInt(100))
    #expect(Money(cents, .usd).formatted == "$11,805,916,207,174,113,034.24")
  }

  @Test("Money.formatted == sign of the rounded cents, symbol, magnitude (BigInt reference)")
  func moneyProperty() {
    var random = FastPathRandom(state: 2026)
    for _ in 0..<5_000 {
      let amount = random.ratio()
      let money = Money(amount, [.usd, Currency(code: "CHF") ?? .usd][Int(random.next() % 2)])
      let sign = amount.roundedByBigInt(places: 2, .halfUp).isNegative ? "-" : ""
      let expected =
        sign + money.currency.symbol
        + amount.magnitude.decimalStringByBigInt(places: 2, grouping: true)
      #expect(money.formatted == expected, "\(amount.fractionString)")
      if money.formatted != expected { return }
    }
    // -0.004 rounds to zero cents: no sign. -1234567.891 → -$1,234,567.89.
    #expect(Money(Ratio(-4, 1000), .usd).formatted == "$0.00")
    #expect(Money(Ratio(-1_234_567_891, 1000), .usd).formatted == "-$1,234,567.89")
  }

  @Test("fractionString and exactDecimalString == their BigInt definitions")
  func exactTexts() {
    var random = FastPathRandom(state: 4)
    for _ in 0..<5_000 {
      let value = random.ratio()
      let n = value.numerator
      let d = value.denominator
      #expect(value.fractionString == (d == 1 ? n.description : "\(n)/\(d)"))
      // Terminates iff d = 2^a 5^b; then max(a, b) places.
      var rest = d
      var twos = 0
      var fives = 0
      while rest % 2 == 0 {
        rest /= 2
        twos += 1
      }
      while rest % 5 == 0 {
        rest /= 5
        fives += 1
      }
      let expected =
        rest == 1
        ? value.decimalStringByBigInt(places: Swift.max(twos, fives), minimumPlaces: 0) : nil
      #expect(value.exactDecimalString == expected, "\(value.fractionString)")
    }
    // 3/8 = 0.375; 1/3 does not terminate; -7 is -7.
    #expect(Ratio(3, 8).exactDecimalString == "0.375")
    #expect(Ratio(1, 3).exactDecimalString == nil)
    #expect(Ratio(-7).fractionString == "-7")
    #expect(Ratio(-2, 6).fractionString == "-1/3")
  }
}
