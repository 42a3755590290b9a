import BigInt
import Testing

@testable import CapstanModel

extension FastPathRandom {
  /// A `BigInt` of a random size up to `bits` bits, either sign, sometimes zero or a power of
  /// two near the `Int64` and `Int128` limits.
  mutating func bigInt(bits: Int) -> BigInt {
    let edges = [63, 64, 127, 128].filter { $0 <= bits }
    switch Int.random(in: 0..<8, using: &self) {
    case 0: return 0
    case 1 where !edges.isEmpty:
      let edge = BigInt(1) << edges[Int.random(in: 0..<edges.count, using: &self)]
      let near = edge + BigInt(Int.random(in: -2...1, using: &self))
      return Bool.random(using: &self) ? -near : near
    default:
      let size = Int.random(in: 1...bits, using: &self)
      var value = BigInt(0)
      for _ in 0..<((size + 63) / 64) { value = value << 64 + BigInt(next()) }
      value = value >> (((size + 63) / 64) * 64 - size)
      return Bool.random(using: &self) ? -value : value
    }
  }

  /// A ratio whose terms are often past `Int64` and within `Int128`, sometimes past it.
  mutating func wideRatio() -> Ratio {
    let bits = Int.random(in: 0..<4, using: &self) == 0 ? 160 : 127
    let numerator = bigInt(bits: bits)
    var denominator = bigInt(bits: Int.random(in: 1...bits, using: &self)).magnitude
    if Bool.random(using: &self) {
      // Money-like: a power of ten or two, so halves and exact ends occur.
      denominator =
        BigInt.Magnitude(10).power(Int.random(in: 0...38, using: &self))
        * BigInt.Magnitude(Int.random(in: 1...2, using: &self))
    }
    return Ratio(numerator, BigInt(Swift.max(1, denominator)))
  }
}

/// The 128-bit path of `Ratio`'s decimal text and rounding (terms past `Int64`, within
/// `Int128`) against the exact `BigInt` paths.
@Suite("Ratio's 128-bit path equals the BigInt path")
struct RatioWidePathTests {
  @Test("decimalString: 128-bit path == BigInt path on random wide values, every rule")
  func decimalStringProperty() {
    var random = FastPathRandom(state: 128)
    var wide = 0
    for _ in 0..<4_000 {
      let value = random.wideRatio()
      let places = Int.random(in: 0...40, using: &random)
      let keep: Int? = [nil, 0, 1, places, places + 2][Int.random(in: 0..<5, using: &random)]
      let grouping = Bool.random(using: &random)
      for rule in RoundingRule.allCases {
        let text = value.decimalString(
          places: places, rule: rule, minimumPlaces: keep, grouping: grouping)
        let exact = value.decimalStringByBigInt(
          places: places, rule: rule, minimumPlaces: keep, grouping: grouping)
        #expect(text == exact, "\(value.fractionString) places \(places) \(rule)")
        if text != exact { return }
        if value.wideDecimalString(
          places: places, rule: rule, keep: keep ?? places, grouping: grouping) != nil
        {
          wide += 1
        }
      }
    }
    // The generator must reach the 128-bit path, not only the 64-bit and BigInt ones.
    #expect(wide > 4_000)
  }

  @Test("rounded: 128-bit path == BigInt path on random wide values, every rule")
  func roundedProperty() {
    var random = FastPathRandom(state: 127)
    for _ in 0..<4_000 {
      let value = random.wideRatio()
      let places = Int.random(in: 0...40, using: &random)
      for rule in RoundingRule.allCases {
        let rounded = value.rounded(places: places, rule)
        let exact = value.roundedByBigInt(places: places, rule)
        #expect(rounded == exact, "\(value.fractionString) places \(places) \(rule)")
        if rounded != exact { return }
      }
    }
  }

  @Test("halves and thirds past 64 bits, by hand")
  func byHand() {
    // 2^100 = 1267650600228229401496703205376; 2^100 / 3 = 422550200076076467165567735125
    // remainder 1, so .333...: 2 places give .33 half-up, down and floor, .34 ceiling.
    let third = Ratio(BigInt(1) << 100, BigInt(3))
    #expect(
      third.wideTerms != nil
        && third.decimalString(places: 2) == "422550200076076467165567735125.33")
    #expect(third.decimalString(places: 2, rule: .ceiling) == "422550200076076467165567735125.34")
    #expect((-third).decimalString(places: 2, rule: .floor) == "-422550200076076467165567735125.34")
    // (2^100 + 1) / 2 = 2^99 + 1/2 = 633825300114114700748351602688.5, a half at 0 places:
    // half-up away from zero ...689 (and -...689), down ...688, floor -...689 below zero,
    // ceiling ...689 above zero and -...688 below.
    let half = Ratio((BigInt(1) << 100) + 1, BigInt(2))
    let rules: [RoundingRule] = [.halfUp, .down, .floor, .ceiling]
    #expect(
      rules.map { half.decimalString(places: 0, rule: $0) } == [
        "633825300114114700748351602689", "633825300114114700748351602688",
        "633825300114114700748351602688", "633825300114114700748351602689",
      ])
    #expect(
      rules.map { (-half).decimalString(places: 0, rule: $0) } == [
        "-633825300114114700748351602689", "-633825300114114700748351602688",
        "-633825300114114700748351602689", "-633825300114114700748351602688",
      ])
    // 3 × 10^37 at one place is 3 × 10^38 tenths, above 2^64 × 10^19 (two 19-digit splits):
    // a 3, 37 zeros, then ".0".
    let big = Ratio(BigInt(3) * BigInt(10).power(37))
    let digits = "3" + String(repeating: "0", count: 37)
    #expect(big.decimalString(places: 1) == digits + ".0")
    #expect((-big).decimalString(places: 1, grouping: false) == "-" + digits + ".0")
    // Int128.max = 2^127 - 1 = 170141183460469231731687303715884105727: at 0 places in 128
    // bits; at 1 place its tenths pass 2^128, so the BigInt path writes it.
    let max = Ratio(BigInt(1) << 127 - 1)
    #expect(max.wideDecimalString(places: 0, rule: .halfUp, keep: 0, grouping: false) != nil)
    #expect(max.decimalString(places: 0) == "170141183460469231731687303715884105727")
    #expect(max.wideDecimalString(places: 1, rule: .halfUp, keep: 1, grouping: false) == nil)
    #expect(max.decimalString(places: 1) == "170141183460469231731687303715884105727.0")
    // Zero and a value that rounds to zero from below carry no sign: -1/2^70 at 2 places.
    #expect(Ratio(BigInt(-1), BigInt(1) << 70).decimalString(places: 2) == "0.00")
    #expect(Ratio.zero.decimalString(places: 30) == "0." + String(repeating: "0", count: 30))
  }
}
