/// Decimal text and rounding of small ratios (numerator and denominator within `Int64`) in
/// 64- and 128-bit integers, written byte by byte: printing 10,000 payouts spent most of its
/// time in `BigInt` division and in building strings a piece at a time. Every function here
/// gives what the `BigInt` path (`decimalStringByBigInt`, `roundedByBigInt`) gives, on every
/// value it accepts (a property test compares them); it returns nil for what it does not take.
extension Ratio {
  /// 10^0 ... 10^18, every power of ten within `Int64`.
  static let powersOfTen: [Int64] = {
    var powers: [Int64] = [1]
    for _ in 1...18 { powers.append(powers[powers.count - 1] * 10) }
    return powers
  }()

  /// `n / d × 10^places` rounded to an integer by `rule`, for `d > 0` and `places` in 0...18
  /// (the product fits in `Int128`: |n| < 2^63 and 10^18 < 2^60).
  static func roundedQuotient(_ n: Int64, _ d: Int64, places: Int, _ rule: RoundingRule) -> Int128 {
    let power = powersOfTen[places]
    let (scaled, overflow) = n.multipliedReportingOverflow(by: power)
    if !overflow {
      if d == 1 { return Int128(scaled) }
      // d ≥ 2, so |q| ≤ Int64.max / 2 and the adjustment by one cannot overflow.
      var q = scaled / d
      let r = scaled % d
      if r != 0 {
        switch rule {
        case .halfUp: if 2 * r.magnitude >= d.magnitude { q += scaled < 0 ? -1 : 1 }
        case .down: break
        case .floor: if scaled < 0 { q -= 1 }
        case .ceiling: if scaled > 0 { q += 1 }
        }
      }
      return Int128(q)
    }
    let wide = Int128(n) * Int128(power)
    let divisor = Int128(d)
    var q = wide / divisor
    let r = wide % divisor
    if r != 0 {
      switch rule {
      case .halfUp: if 2 * r.magnitude >= divisor.magnitude { q += wide < 0 ? -1 : 1 }
      case .down: break
      case .floor: if wide < 0 { q -= 1 }
      case .ceiling: if wide > 0 { q += 1 }
      }
    }
    return q
  }

  /// The value rounded to `places` decimals in integers, or nil when it is not small or
  /// `places` is outside 0...18.
  func smallRounded(places: Int, _ rule: RoundingRule) -> Ratio? {
    guard case .small(let n, let d) = storage, places >= 0, places <= 18 else { return nil }
    let q = Ratio.roundedQuotient(n, d, places: places, rule)
    return Ratio(reducing: q, Int128(Ratio.powersOfTen[places]))
  }

  /// `decimalString` in integers, written into one buffer, or nil when the value is not small
  /// or `places` is outside 0...18.
  func smallDecimalString(places: Int, rule: RoundingRule, keep: Int, grouping: Bool) -> String? {
    guard case .small(let n, let d) = storage, places >= 0, places <= 18 else { return nil }
    let q = Ratio.roundedQuotient(n, d, places: places, rule)
    return Ratio.decimalText(
      negative: q < 0, magnitude: q.magnitude, places: places,
      keep: keep, grouping: grouping)
  }

  /// 10^0 ... 10^38, every power of ten within `UInt128` (and `Int128`).
  static let widePowersOfTen: [UInt128] = {
    var powers: [UInt128] = [1]
    for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
    return powers
  }()

  /// The terms as 128-bit integers, or nil when one of them does not fit `Int128`.
  var wideTerms: (numerator: Int128, denominator: Int128)? {
    switch storage {
    case .small(let n, let d): return (Int128(n), Int128(d))
    case .big(let big):
      // Through the magnitude: `BigInt`'s `words` are not two's complement, so the generic
      // `Int128(exactly:)` misreads a negative value.
      guard let magnitude = Int128(exactly: big.numerator.magnitude),
        let d = Int128(exactly: big.denominator.magnitude)
      else { return nil }
      return (big.numerator.sign == .minus ? -magnitude : magnitude, d)
    }
  }

  /// `n / d × 10^places` rounded to an integer by `rule`, as its sign and magnitude, for
  /// `d > 0` and `places` in 0...38; nil when the magnitude does not fit `UInt128`.
  ///
  /// The whole part and the remainder are scaled apart (`N = qD + r`, so
  /// `N × 10^p / D = q × 10^p + r × 10^p / D`), the remainder's product in 256 bits: nothing
  /// can overflow unnoticed, whatever the terms' size within 128 bits.
  static func roundedWideQuotient(
    _ n: Int128, _ d: Int128, places: Int, _ rule: RoundingRule
  ) -> (negative: Bool, magnitude: UInt128)? {
    let power = widePowersOfTen[places]
    let divisor = UInt128(d)
    let (whole, remainder) = n.magnitude.quotientAndRemainder(dividingBy: divisor)
    let (scaledWhole, wholeOverflow) = whole.multipliedReportingOverflow(by: power)
    guard !wholeOverflow else { return nil }
    // remainder < divisor, so the high half of the product is below the divisor and the
    // quotient fits in 128 bits.
    let (fraction, rest) = divisor.dividingFullWidth(remainder.multipliedFullWidth(by: power))
    var (magnitude, sumOverflow) = scaledWhole.addingReportingOverflow(fraction)
    guard !sumOverflow else { return nil }
    if rest != 0 {
      let away: Bool
      switch rule {
      case .halfUp: away = rest >= divisor - rest  // 2 × rest ≥ divisor, without overflow
      case .down: away = false
      case .floor: away = n < 0
      case .ceiling: away = n > 0
      }
      if away {
        (magnitude, sumOverflow) = magnitude.addingReportingOverflow(1)
        guard !sumOverflow else { return nil }
      }
    }
    return (n < 0 && magnitude != 0, magnitude)
  }

  /// The value rounded to `places` decimals in 128-bit integers, or nil when its terms or the
  /// result do not fit or `places` is outside 0...38.
  func wideRounded(places: Int, _ rule: RoundingRule) -> Ratio? {
    guard places >= 0, places <= 38, let (n, d) = wideTerms,
      let (negative, magnitude) = Ratio.roundedWideQuotient(n, d, places: places, rule),
      let value = Int128(exactly: magnitude)
    else { return nil }
    return Ratio(reducing: negative ? -value : value, Int128(Ratio.widePowersOfTen[places]))
  }

  /// `decimalString` in 128-bit integers, written into one buffer, or nil when the value's
  /// terms or its scaled magnitude do not fit or `places` is outside 0...38.
  func wideDecimalString(places: Int, rule: RoundingRule, keep: Int, grouping: Bool) -> String? {
    guard places >= 0, places <= 38, let (n, d) = wideTerms,
      let (negative, magnitude) = Ratio.roundedWideQuotient(n, d, places: places, rule)
    else { return nil }
    return Ratio.decimalText(
      negative: negative, magnitude: magnitude, places: places, keep: keep, grouping: grouping)
  }

  /// The text of `±magnitude / 10^places`: at least one whole digit, the fraction's trailing
  /// zeros dropped down to `keep` places, thousands separators in the whole part when
  /// `grouping`.
  static func decimalText(
    negative: Bool, magnitude: UInt128, places: Int, keep: Int, grouping: Bool
  ) -> String {
    // At most 39 digits (2^128 < 10^39), written from the right.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
      var start = digits.count
      var rest = magnitude
      while rest > UInt128(UInt64.max) {
        // A 128-bit division splits off the low 19 digits (twice at most: 2^128 < 10^39);
        // the rest is 64-bit work.
        let (high, low) = rest.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
        start = writeDigits(UInt64(low), into: digits, endingAt: start, width: 19)
        rest = high
      }
      start = writeDigits(UInt64(rest), into: digits, endingAt: start, width: 1)
      // Enough leading zeros for one whole digit before the point.
      while digits.count - start <= places {
        start -= 1
        digits[start] = UInt8(ascii: "0")
      }
      let count = digits.count - start
      let wholeCount = count - places
      var fractionCount = places
      while fractionCount > keep, digits[digits.count - places + fractionCount - 1] == 0x30 {
        fractionCount -= 1
      }
      let commas = grouping ? (wholeCount - 1) / 3 : 0
      let length =
        (negative ? 1 : 0) + wholeCount + commas + (fractionCount > 0 ? 1 + fractionCount : 0)
      return String(unsafeUninitializedCapacity: length) { out in
        var written = 0
        if negative {
          out[0] = UInt8(ascii: "-")
          written = 1
        }
        for index in 0..<wholeCount {
          if grouping && index > 0 && (wholeCount - index) % 3 == 0 {
            out[written] = UInt8(ascii: ",")
            written += 1
          }
          out[written] = digits[start + index]
          written += 1
        }
        if fractionCount > 0 {
          out[written] = UInt8(ascii: ".")
          written += 1
          for index in 0..<fractionCount {
            out[written] = digits[start + wholeCount + index]
            written += 1
          }
        }
        return written
      }
    }
  }

  /// Writes the decimal digits of `value`, at least `width` of them (zero-padded), so that the
  /// last lands just before `end`; returns the index of the first.
  private static func writeDigits(
    _ value: UInt64, into digits: UnsafeMutableBufferPointer<UInt8>, endingAt end: Int,
    width: Int
  ) -> Int {
    var index = end
    var rest = value
    repeat {
      index -= 1
      digits[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
    } while rest != 0 || end - index < width
    return index
  }
}
