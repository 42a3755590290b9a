import CapstanModel

/// An OCF `Numeric`: a decimal string with at most 10 decimals (`"1250000"`, `"0.0001"`).
///
/// The schema's pattern is `^[+-]?[0-9]+(\.[0-9]{1,10})?$`; exponents (`1e3`), JSON numbers,
/// separators and an eleventh decimal are refused while decoding, so a bad number names its
/// item and field.
public struct OCFNumeric: Sendable, Hashable, Decodable {
  /// The exact value.
  public var value: Ratio

  /// A number.
  public init(_ value: Ratio) { self.value = value }

  /// Validates the text against the OCF pattern.
  public static func parse(_ text: String) -> Ratio? {
    var body = Substring(text)
    var negative = false
    if let sign = body.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      body = body.dropFirst()
    }
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = parts.first, !whole.isEmpty, whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
    else { return nil }
    if parts.count == 2 {
      let fraction = parts[1]
      guard !fraction.isEmpty, fraction.utf8.count <= 10,
        fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
      else { return nil }
    }
    // Up to 18 digits in all, the value is Int64 over a power of ten: no BigInt.
    if body.utf8.count <= 18 {
      var digits: Int64 = 0
      var scale: Int64 = 1
      var inFraction = false
      for byte in body.utf8 {
        if byte == UInt8(ascii: ".") {
          inFraction = true
          continue
        }
        digits = digits * 10 + Int64(byte - 48)
        if inFraction { scale *= 10 }
      }
      let value = Ratio(negative ? -digits : digits, scale)
      return value
    }
    guard let value = Ratio(decimal: body) else { return nil }
    return negative ? -value : value
  }

  /// What to say when `text` is beyond Capstan's number limits (`Limits`: at most 64
  /// characters, below 10^18 in magnitude), or nil. Checked before the text is parsed, so a
  /// 100,000-digit price costs nothing and never reaches the ledger.
  public static func limitProblem(_ text: String) -> String? {
    var whole = text.utf8.prefix { $0 != UInt8(ascii: ".") }.drop {
      $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
    }
    while whole.first == UInt8(ascii: "0") && whole.count > 1 { whole = whole.dropFirst() }
    guard
      text.utf8.count > Limits.maximumNumberText
        || whole.count > Limits.maximumMoneyWholeDigits
    else { return nil }
    return "a number within Capstan's limit (\(Limits.Quantity.money.limit); see "
      + "docs/limits.md), found '\(Limits.shown(text))'"
  }

  /// Decodes a string that matches the OCF pattern.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    guard let text = try? container.decode(String.self) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "a decimal string such as \"1250000\" (OCF Numeric)")
    }
    if let problem = OCFNumeric.limitProblem(text) {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: problem)
    }
    guard let value = OCFNumeric.parse(text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription:
          "a decimal string with at most 10 decimals and no exponent (OCF Numeric), found '\(text.prefix(40))'"
      )
    }
    self.value = value
  }

  /// The value as a whole number of shares, or nil when it has a fraction or is too large.
  public var shares: Shares? {
    guard value.isInteger, let count = Int64(exactly: value.numerator) else { return nil }
    return Shares(count)
  }
}

/// A value the exporter left out on purpose (`{"omitted": true}`), or a number (LTSE exports).
public enum OCFOptionalNumeric: Sendable, Hashable, Decodable {
  /// A number.
  case number(Ratio)
  /// Explicitly omitted.
  case omitted

  /// Decodes a Numeric, or an object with `"omitted": true`.
  public init(from decoder: any Decoder) throws {
    if let object = try? decoder.container(keyedBy: OmittedKeys.self),
      (try? object.decode(Bool.self, forKey: .omitted)) == true
    {
      self = .omitted
      return
    }
    self = .number(try OCFNumeric(from: decoder).value)
  }

  private enum OmittedKeys: String, CodingKey { case omitted }

  /// The number, if any.
  public var value: Ratio? {
    if case .number(let value) = self { return value }
    return nil
  }
}

/// An OCF `Monetary`: an amount and a currency code.
public struct OCFMonetary: Sendable, Hashable, Decodable {
  /// The amount.
  public var amount: OCFNumeric
  /// The three-letter currency code.
  public var currency: String
}

/// An OCF `Ratio`: numerator over denominator.
public struct OCFRatio: Sendable, Hashable, Decodable {
  /// The numerator.
  public var numerator: OCFNumeric
  /// The denominator.
  public var denominator: OCFNumeric
}

/// An OCF `Date`: `YYYY-MM-DD`.
public struct OCFDate: Sendable, Hashable, Decodable {
  /// The date.
  public var value: CalendarDate

  /// A date.
  public init(value: CalendarDate) { self.value = value }

  /// Decodes an ISO date.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = (try? container.decode(String.self)) ?? ""
    guard let date = CalendarDate(iso: text), Limits.years.contains(date.year) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription:
          CalendarDate(iso: text) == nil
          ? "an ISO date YYYY-MM-DD, found '\(text.prefix(40))'"
          : "a date in the years \(Limits.years.lowerBound) to \(Limits.years.upperBound) "
            + "(Capstan's limit), found '\(text.prefix(40))'")
    }
    value = date
  }
}
