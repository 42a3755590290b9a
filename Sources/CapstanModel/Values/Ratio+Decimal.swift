import BigInt

extension Ratio {
  /// Parses a plain decimal such as `12`, `-0.0001` or `1250000.50`, exactly.
  ///
  /// Only ASCII digits, one optional leading minus and one optional point are accepted;
  /// anything else (exponents, separators, trailing text) gives nil. Use `AmountParser`
  /// for what people type.
  public init?(decimal text: Substring) {
    if let fast = Ratio.plainDecimal(text.utf8) {
      self = fast
      return
    }
    var digits = text
    var negative = false
    if digits.first == "-" {
      negative = true
      digits = digits.dropFirst()
    }
    let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = parts.first, !whole.isEmpty || parts.count == 2 else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    if parts.count == 2 && fraction.isEmpty { return nil }
    guard whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
      !(whole.isEmpty && fraction.isEmpty)
    else { return nil }
    let all = String(whole) + String(fraction)
    let numerator: BigInt
    if all.count <= 18, let small = Int64(all) {
      numerator = BigInt(small)
    } else if let big = BigInt(all) {
      numerator = big
    } else {
      return nil
    }
    let value = Ratio(numerator, BigInt(10).power(fraction.count))
    self = negative ? -value : value
  }

  /// `-?[0-9]*(\.[0-9]+)?` with 1 to 18 digits, in `Int64` arithmetic (no `BigInt`, no
  /// intermediate strings), or nil for anything else: the general path then decides, so the
  /// two agree on every text (an import parses hundreds of thousands of prices).
  private static func plainDecimal(_ bytes: Substring.UTF8View) -> Ratio? {
    var value: Int64 = 0
    var digits = 0
    var fractionDigits = 0
    var negative = false
    var seenPoint = false
    var first = true
    for byte in bytes {
      defer { first = false }
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits += 1
        guard digits <= 18 else { return nil }
        value = value * 10 + Int64(byte &- UInt8(ascii: "0"))
        if seenPoint { fractionDigits += 1 }
      case UInt8(ascii: "-") where first:
        negative = true
      case UInt8(ascii: ".") where !seenPoint:
        seenPoint = true
      default:
        return nil
      }
    }
    guard digits > 0, !seenPoint || fractionDigits > 0 else { return nil }
    var power: Int64 = 1
    for _ in 0..<fractionDigits { power *= 10 }
    return Ratio(negative ? -value : value, power)
  }

  /// Parses a plain decimal string; see `init?(decimal: Substring)`.
  public init?(decimal text: String) { self.init(decimal: Substring(text)) }

  /// Parses `n/d` (as written by `fractionString`) or a plain decimal.
  public init?(fractionOrDecimal text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count == 1 {
      self.init(decimal: text)
      return
    }
    guard parts.count == 2, let n = Ratio(decimal: parts[0]), let d = Ratio(decimal: parts[1]),
      n.isInteger, d.isInteger, !d.isZero
    else { return nil }
    self = n / d
  }

  /// The exact value as `n/d`, or `n` for integers (how JSON carries exact fractions).
  public var fractionString: String {
    switch storage {
    case .small(let n, let d): d == 1 ? String(n) : String(n) + "/" + String(d)
    case .big(let big):
      big.denominator == 1 ? big.numerator.description : "\(big.numerator)/\(big.denominator)"
    }
  }

  /// The exact decimal expansion when it terminates (the denominator has only 2s and 5s).
  public var exactDecimalString: String? {
    guard let places = terminatingPlaces else { return nil }
    return decimalString(places: places, rule: .halfUp, minimumPlaces: 0)
  }

  /// The number of decimals the value's expansion ends after, or nil when it does not end.
  var terminatingPlaces: Int? {
    if case .small(_, var d) = storage {
      // d > 0: its factors of 2 are its trailing zero bits.
      let twos = d.trailingZeroBitCount
      d >>= twos
      var fives = 0
      while d % 5 == 0 {
        d /= 5
        fives += 1
      }
      return d == 1 ? max(twos, fives) : nil
    }
    var d = denominator
    var twos = 0
    var fives = 0
    while d % 2 == 0 {
      d /= 2
      twos += 1
    }
    while d % 5 == 0 {
      d /= 5
      fives += 1
    }
    return d == 1 ? max(twos, fives) : nil
  }

  /// The value rounded to `places` decimals, as plain digits (`-1234.50`).
  ///
  /// Trailing zeros are kept down to `minimumPlaces` (default: all of `places`). Small values
  /// are computed and written in 64/128-bit integers, values whose terms fit `Int128` in
  /// 128-bit integers; the rest go the `BigInt` way.
  public func decimalString(
    places: Int, rule: RoundingRule = .halfUp, minimumPlaces: Int? = nil, grouping: Bool = false
  ) -> String {
    if let fast = smallDecimalString(
      places: places, rule: rule, keep: minimumPlaces ?? places, grouping: grouping)
      ?? wideDecimalString(
        places: places, rule: rule, keep: minimumPlaces ?? places, grouping: grouping)
    {
      return fast
    }
    return decimalStringByBigInt(
      places: places, rule: rule, minimumPlaces: minimumPlaces, grouping: grouping)
  }

  /// `decimalString` computed in `BigInt` and assembled from strings, whatever the value's
  /// size: the reference the integer path is tested against, and the path for large values.
  func decimalStringByBigInt(
    places: Int, rule: RoundingRule = .halfUp, minimumPlaces: Int? = nil, grouping: Bool = false
  ) -> String {
    let integer = (roundedByBigInt(places: places, rule) * Ratio(BigInt(10).power(places)))
      .numerator
    let negative = integer.sign == .minus && !integer.isZero
    var digits = integer.magnitude.description
    if digits.count <= places {
      digits = String(repeating: "0", count: places - digits.count + 1) + digits
    }
    var whole = String(digits.prefix(digits.count - places))
    var fraction = String(digits.suffix(places))
    let keep = minimumPlaces ?? places
    while fraction.count > keep, fraction.last == "0" { fraction.removeLast() }
    if grouping { whole = Ratio.grouped(whole) }
    let sign = negative ? "-" : ""
    return fraction.isEmpty ? sign + whole : sign + whole + "." + fraction
  }

  /// The value as a percentage with `places` decimals, e.g. `44.44%` for 4/9.
  public func percentString(places: Int = 2) -> String {
    (self * Ratio(100)).decimalString(places: places) + "%"
  }

  /// Inserts thousands separators into a run of digits.
  static func grouped(_ digits: String) -> String {
    var text = digits
    // Digits are ASCII, one byte per character: group the bytes directly (counting
    // characters on every step made this quadratic, a third of printing a large table).
    let fast = text.withUTF8 { bytes -> String? in
      guard bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
        return nil
      }
      guard bytes.count > 3 else { return digits }
      return String(unsafeUninitializedCapacity: bytes.count + (bytes.count - 1) / 3) { out in
        var written = 0
        for (index, byte) in bytes.enumerated() {
          if index > 0 && (bytes.count - index) % 3 == 0 {
            out[written] = UInt8(ascii: ",")
            written += 1
          }
          out[written] = byte
          written += 1
        }
        return written
      }
    }
    if let fast { return fast }
    guard digits.count > 3 else { return digits }
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return out
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Ratio: Codable {
  /// Encodes as a string: the exact decimal when it terminates, else `n/d`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(exactDecimalString ?? fractionString)
  }

  /// Decodes from a decimal string or `n/d`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = Ratio(fractionOrDecimal: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not an exact number: \(text)"))
    }
    self = value
  }
}
