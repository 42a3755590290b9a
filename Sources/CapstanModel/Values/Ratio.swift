import BigInt

/// An exact rational number, kept in lowest terms with a positive denominator.
///
/// Shares, money, prices and percentages are never `Double`s in Capstan: every fraction is a
/// `Ratio`. Small values (numerator and denominator within `Int64`) stay on a fast path that
/// computes in `Int128`, so nothing can overflow there; anything larger moves to `BigInt`.
public struct Ratio: Sendable, Hashable {
  enum Storage: Sendable, Hashable {
    case small(Int64, Int64)
    case big(BigRatio)
  }

  /// A large value, boxed so that a `Ratio` stays 17 bytes whatever its size.
  final class BigRatio: Sendable, Hashable {
    let numerator: BigInt
    let denominator: BigInt

    init(_ numerator: BigInt, _ denominator: BigInt) {
      self.numerator = numerator
      self.denominator = denominator
    }

    static func == (lhs: BigRatio, rhs: BigRatio) -> Bool {
      lhs.numerator == rhs.numerator && lhs.denominator == rhs.denominator
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(numerator)
      hasher.combine(denominator)
    }
  }

  let storage: Storage

  /// Zero.
  public static let zero = Ratio(0)
  /// One.
  public static let one = Ratio(1)

  /// The integer `value` as a ratio.
  public init(_ value: Int64) { storage = .small(value, 1) }

  /// The integer `value` as a ratio.
  public init(_ value: Int) { storage = .small(Int64(value), 1) }

  /// The integer `value` as a ratio.
  public init(_ value: BigInt) { self.init(reducing: value, 1) }

  /// `numerator / denominator`, reduced; the denominator must not be zero.
  public init(_ numerator: Int64, _ denominator: Int64) {
    precondition(denominator != 0, "Ratio with a zero denominator")
    self.init(reducing: Int128(numerator), Int128(denominator))
  }

  /// `numerator / denominator`, reduced; the denominator must not be zero.
  public init(_ numerator: Int, _ denominator: Int) {
    self.init(Int64(numerator), Int64(denominator))
  }

  /// `numerator / denominator`, reduced; the denominator must not be zero.
  public init(_ numerator: BigInt, _ denominator: BigInt) {
    precondition(!denominator.isZero, "Ratio with a zero denominator")
    self.init(reducing: numerator, denominator)
  }

  init(reducing numerator: Int128, _ denominator: Int128) {
    // A whole number (a count of shares, a sum of counts) is already in lowest terms.
    if denominator == 1, let small = Int64(exactly: numerator) {
      storage = .small(small, 1)
      return
    }
    var n = numerator
    var d = denominator
    if d < 0 {
      n = -n
      d = -d
    }
    if let nm = UInt64(exactly: n.magnitude), let dm = UInt64(exactly: d) {
      // Both fit in 64 bits (every price and share count does): reduce with 64-bit
      // instructions; 128-bit `%` and `/` are library calls several times slower.
      let g = Ratio.gcd(nm, dm)
      if g > 1 {
        n = n < 0 ? -Int128(nm / g) : Int128(nm / g)
        d = Int128(dm / g)
      }
    } else {
      let g = Ratio.gcd(n.magnitude, d.magnitude)
      if g > 1 {
        n /= Int128(g)
        d /= Int128(g)
      }
    }
    if let sn = Int64(exactly: n), let sd = Int64(exactly: d) {
      storage = .small(sn, sd)
    } else {
      storage = .big(BigRatio(BigInt(n), BigInt(d)))
    }
  }

  init(reducing numerator: BigInt, _ denominator: BigInt) {
    var n = numerator
    var d = denominator
    if d.sign == .minus {
      n.negate()
      d.negate()
    }
    let g = n.magnitude.greatestCommonDivisor(with: d.magnitude)
    if g > 1 {
      n /= BigInt(g)
      d /= BigInt(g)
    }
    if let sn = Int64(exactly: n), let sd = Int64(exactly: d) {
      storage = .small(sn, sd)
    } else {
      storage = .big(BigRatio(n, d))
    }
  }

  /// The greatest common divisor by Stein's binary algorithm (shifts and subtractions, no
  /// division); `gcd(0, b)` is `b`.
  static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
    if a == 0 { return b }
    if b == 0 { return a }
    if a == 1 || b == 1 { return 1 }
    let shift = (a | b).trailingZeroBitCount
    var x = a >> a.trailingZeroBitCount
    var y = b
    repeat {
      y >>= y.trailingZeroBitCount
      if x > y { swap(&x, &y) }
      y -= x
    } while y != 0
    return x << shift
  }

  static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
    var x = a
    var y = b
    while y != 0 { (x, y) = (y, x % y) }
    return x
  }

  /// The numerator in lowest terms (sign carried here).
  public var numerator: BigInt {
    switch storage {
    case .small(let n, _): BigInt(n)
    case .big(let big): big.numerator
    }
  }

  /// The denominator in lowest terms (always positive).
  public var denominator: BigInt {
    switch storage {
    case .small(_, let d): BigInt(d)
    case .big(let big): big.denominator
    }
  }

  /// Whether the value is zero.
  public var isZero: Bool { self == .zero }
  /// Whether the value is below zero.
  public var isNegative: Bool { self < .zero }
  /// Whether the value is an integer.
  public var isInteger: Bool {
    switch storage {
    case .small(_, let d): d == 1
    case .big(let big): big.denominator == 1
    }
  }
}

extension Ratio: Comparable {
  /// Orders two ratios exactly.
  public static func < (lhs: Ratio, rhs: Ratio) -> Bool {
    if case .small(let a, let b) = lhs.storage, case .small(let c, let d) = rhs.storage {
      return Int128(a) * Int128(d) < Int128(c) * Int128(b)
    }
    return lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
  }
}

extension Ratio {
  /// Exact sum.
  public static func + (lhs: Ratio, rhs: Ratio) -> Ratio {
    if case .small(let a, let b) = lhs.storage, case .small(let c, let d) = rhs.storage {
      if b == d { return Ratio(reducing: Int128(a) + Int128(c), Int128(b)) }
      return Ratio(reducing: Int128(a) * Int128(d) + Int128(c) * Int128(b), Int128(b) * Int128(d))
    }
    return Ratio(
      reducing: lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator,
      lhs.denominator * rhs.denominator)
  }

  /// Exact difference.
  public static func - (lhs: Ratio, rhs: Ratio) -> Ratio { lhs + (-rhs) }

  /// Exact negation.
  public static prefix func - (value: Ratio) -> Ratio {
    switch value.storage {
    case .small(let n, let d):
      Ratio(reducing: -Int128(n), Int128(d))
    case .big(let big):
      Ratio(reducing: -big.numerator, big.denominator)
    }
  }

  /// Exact product.
  public static func * (lhs: Ratio, rhs: Ratio) -> Ratio {
    if case .small(let a, let b) = lhs.storage, case .small(let c, let d) = rhs.storage {
      return Ratio(reducing: Int128(a) * Int128(c), Int128(b) * Int128(d))
    }
    return Ratio(
      reducing: lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
  }

  /// Exact quotient; the divisor must not be zero.
  public static func / (lhs: Ratio, rhs: Ratio) -> Ratio {
    precondition(!rhs.isZero, "Ratio division by zero")
    if case .small(let a, let b) = lhs.storage, case .small(let c, let d) = rhs.storage {
      return Ratio(reducing: Int128(a) * Int128(d), Int128(b) * Int128(c))
    }
    return Ratio(
      reducing: lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
  }

  /// Adds in place.
  public static func += (lhs: inout Ratio, rhs: Ratio) { lhs = lhs + rhs }
  /// Subtracts in place.
  public static func -= (lhs: inout Ratio, rhs: Ratio) { lhs = lhs - rhs }
  /// Multiplies in place.
  public static func *= (lhs: inout Ratio, rhs: Ratio) { lhs = lhs * rhs }

  /// The absolute value.
  public var magnitude: Ratio { isNegative ? -self : self }

  /// The reciprocal; the value must not be zero.
  public var reciprocal: Ratio { Ratio.one / self }

  /// Sum of a sequence of ratios.
  public static func sum<S: Sequence>(_ values: S) -> Ratio where S.Element == Ratio {
    values.reduce(.zero, +)
  }
}

extension Ratio {
  /// The largest integer not above the value.
  public var floor: BigInt {
    switch storage {
    case .small(let n, let d):
      let q = n / d
      return BigInt(n % d != 0 && n < 0 ? q - 1 : q)
    case .big(let big):
      let (q, r) = big.numerator.quotientAndRemainder(dividingBy: big.denominator)
      return r.isZero == false && big.numerator.sign == .minus ? q - 1 : q
    }
  }

  /// The smallest integer not below the value.
  public var ceiling: BigInt {
    let f = floor
    return isInteger ? f : f + 1
  }

  /// The value rounded to `places` decimal places with the given rule, still exact.
  public func rounded(places: Int, _ rule: RoundingRule = .halfUp) -> Ratio {
    smallRounded(places: places, rule) ?? wideRounded(places: places, rule)
      ?? roundedByBigInt(places: places, rule)
  }

  /// `rounded` computed in `BigInt` whatever the value's size (the reference the integer
  /// path is tested against, and the path for large values).
  func roundedByBigInt(places: Int, _ rule: RoundingRule) -> Ratio {
    let scale = BigInt(10).power(places)
    let scaled = self * Ratio(scale)
    let whole: BigInt
    switch rule {
    case .down: whole = scaled.isNegative ? scaled.ceiling : scaled.floor
    case .floor: whole = scaled.floor
    case .ceiling: whole = scaled.ceiling
    case .halfUp:
      // Half away from zero, as "rounded half-up to cents" is read in deal documents.
      let twice = scaled.magnitude * Ratio(2)
      let up = (twice + .one).floor / 2
      whole = scaled.isNegative ? -up : up
    }
    return Ratio(whole, scale)
  }

  /// The integer part as `Int64`, or nil when it does not fit.
  public var floorInt64: Int64? { Int64(exactly: floor) }

  /// `floor(count × self)`, clamped to the `Int64` range: exact, and computed in 64- or 128-bit
  /// integers (no `BigInt`) when the ratio's terms fit in 64 bits, as they almost always do.
  ///
  /// This is how a count of shares is multiplied by a conversion ratio and the fraction of a
  /// share dropped; a caller that must not clamp checks for `Int64.min` and `Int64.max`.
  public func productFloor(count: Int64) -> Int64 {
    guard case .small(let n, let d) = storage else {
      return Int64(clamping: (Ratio(count) * self).floor)
    }
    let (product, overflow) = count.multipliedReportingOverflow(by: n)
    if !overflow {
      // d > 0, so the quotient cannot overflow; round toward minus infinity.
      let quotient = product / d
      return product % d != 0 && product < 0 ? quotient - 1 : quotient
    }
    let wide = Int128(count) * Int128(n)
    let quotient = wide / Int128(d)
    return Int64(clamping: wide % Int128(d) != 0 && wide < 0 ? quotient - 1 : quotient)
  }

  /// `floor(self × factor)` as a ratio (a whole number): exact, without `BigInt` when the
  /// value is a whole number and both fit in 64 bits.
  public func productFloor(_ factor: Ratio) -> Ratio {
    if case .small(let count, 1) = storage {
      let floored = factor.productFloor(count: count)
      if floored != .min && floored != .max { return Ratio(floored) }
    }
    return Ratio((self * factor).floor)
  }
}

/// How a value is brought to fewer decimal places.
public enum RoundingRule: String, Sendable, Codable, CaseIterable {
  /// Half away from zero (0.5 → 1, −0.5 → −1).
  case halfUp = "half-up"
  /// Toward zero.
  case down
  /// Toward minus infinity.
  case floor
  /// Toward plus infinity.
  case ceiling
}
