import BigInt

/// Reads the amounts people type: `1250000`, `1,250,000.50`, `2.5M`, `$3m`, `750k`, `12.5%`.
///
/// Every character must be understood; `12abc` or `1,25,000` is an error, never a partial read
/// (unlike `Decimal(string:)`). Values are exact: nothing passes through a `Double`.
public enum AmountParser {
  /// Parses a non-negative amount of money or a price; a currency symbol is allowed.
  ///
  /// The value must be inside `Limits` for `quantity` (money by default; `.price` for a price
  /// per share), or the error names the limit.
  public static func amount(
    _ text: String, field: String? = nil, as quantity: Limits.Quantity = .money
  ) throws(InputError) -> Ratio {
    let value = try parse(
      text, field: field, allowPercent: false,
      expected: "an amount like 1250000, 1,250,000.50, 2.5M or $750k")
    try within(value, quantity, field: field)
    return value
  }

  /// Parses a non-negative price per share (`0.0001`, `$1.25`), inside the price limit.
  public static func price(_ text: String, field: String? = nil) throws(InputError) -> Ratio {
    try amount(text, field: field, as: .price)
  }

  static func within(_ value: Ratio, _ quantity: Limits.Quantity, field: String?)
    throws(InputError)
  {
    do {
      try Limits.check(value, quantity, field: field ?? "value")
    } catch {
      throw .beyondLimit(error)
    }
  }

  /// Parses a whole, non-negative number of shares (`4,000,000`, `2.5M`).
  public static func shares(_ text: String, field: String? = nil) throws(InputError) -> Shares {
    let expected = "a whole number of shares like 4000000, 4,000,000 or 2.5M"
    let value = try parse(
      text, field: field, allowPercent: false, expected: expected, symbols: false)
    guard value.isInteger else {
      throw .invalid(field: field, input: text, expected: expected + " (not a fraction)")
    }
    guard let count = Int64(exactly: value.numerator), count <= Shares.maximumInput.count else {
      throw .invalid(field: field, input: text, expected: "at most \(Shares.maximumInput) shares")
    }
    return Shares(count)
  }

  /// Parses a percentage (`12.5%`) or a fraction no larger than 1 (`0.125`), as a ratio.
  public static func percentage(_ text: String, field: String? = nil) throws(InputError) -> Ratio {
    let expected = "a percentage like 12.5% (or a fraction like 0.125)"
    let trimmed = text.trimmingSpaces
    if trimmed.hasSuffix("%") {
      let value = try parse(
        String(trimmed.dropLast()), field: field, allowPercent: true, expected: expected,
        symbols: false, original: text)
      try within(value / Ratio(100), .ratio, field: field)
      return value / Ratio(100)
    }
    let value = try parse(
      trimmed, field: field, allowPercent: true, expected: expected, symbols: false)
    guard value <= .one else {
      throw .invalid(
        field: field, input: text, expected: expected + "; write \(trimmed)% if you mean percent")
    }
    try within(value, .ratio, field: field)
    return value
  }

  /// Parses a `YYYY-MM-DD` date.
  public static func date(_ text: String, field: String? = nil) throws(InputError) -> CalendarDate {
    guard let date = CalendarDate(iso: text.trimmingSpaces) else {
      throw .invalid(field: field, input: text, expected: "a date as YYYY-MM-DD, e.g. 2025-01-15")
    }
    do {
      try Limits.check(date, field: field ?? "date")
    } catch {
      throw .beyondLimit(error)
    }
    return date
  }

  /// Parses a split ratio: `2:1` or `2-for-1` (forward), `1:10` (reverse), as new ÷ old.
  public static func splitRatio(_ text: String, field: String? = nil) throws(InputError) -> Ratio {
    let expected = "a split ratio like 2:1 (two new for each old share) or 1:10 (reverse)"
    let trimmed = text.trimmingSpaces.lowercased()
    let parts: [Substring]
    if trimmed.contains(":") {
      parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
    } else if trimmed.contains("-for-") {
      parts = trimmed.components(separatedBy: "-for-").map { Substring($0) }
    } else {
      parts = []
    }
    guard parts.count == 2,
      let new = Int64(parts[0].trimmingSpaces), let old = Int64(parts[1].trimmingSpaces),
      new > 0, old > 0, new <= 1_000_000, old <= 1_000_000
    else { throw .invalid(field: field, input: text, expected: expected) }
    return Ratio(new, old)
  }

  static func parse(
    _ text: String, field: String?, allowPercent: Bool, expected: String, symbols: Bool = true,
    original: String? = nil
  ) throws(InputError) -> Ratio {
    let shown = original ?? text
    guard text.utf8.count <= Limits.maximumNumberText else {
      throw .beyondLimit(
        LimitError(
          field: field ?? "value", value: Limits.shown(shown),
          limit: "a number of at most \(Limits.maximumNumberText) characters"))
    }
    var rest = Substring(text.trimmingSpaces)
    if rest.first == "-" {
      throw .invalid(
        field: field, input: shown, expected: expected + " (negative amounts are not allowed)")
    }
    if symbols, let first = rest.first, "$€£¥".contains(first) { rest = rest.dropFirst() }
    var multiplier = Ratio.one
    for (suffix, factor) in suffixes where !allowPercent && rest.lowercased().hasSuffix(suffix) {
      multiplier = Ratio(factor)
      rest = rest.dropLast(suffix.count)
      break
    }
    let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = parts.first, validGrouping(whole) else {
      throw .invalid(field: field, input: shown, expected: expected)
    }
    let plain = whole.filter { $0 != "," } + (parts.count == 2 ? "." + parts[1] : "")
    guard let value = Ratio(decimal: Substring(plain)) else {
      throw .invalid(field: field, input: shown, expected: expected)
    }
    return value * multiplier
  }

  static let suffixes: [(String, Int64)] = [
    ("bn", 1_000_000_000), ("mm", 1_000_000), ("k", 1_000), ("m", 1_000_000), ("b", 1_000_000_000),
  ]

  /// Digits, optionally grouped by commas in threes (`1,250,000`), nothing else.
  static func validGrouping(_ whole: Substring) -> Bool {
    guard !whole.isEmpty else { return true }
    guard whole.contains(",") else { return whole.allSatisfy(\.isASCIIDigit) }
    let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
    guard let head = groups.first, (1...3).contains(head.count) else { return false }
    return groups.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
      && groups.dropFirst().allSatisfy { $0.count == 3 }
  }
}

/// Input that cannot be read, naming the field and what was expected.
public enum InputError: Error, Equatable, CustomStringConvertible {
  /// `input` given for `field` is not `expected`.
  case invalid(field: String?, input: String, expected: String)
  /// Nothing given for `field`, which needs `expected`.
  case missing(field: String, expected: String)
  /// A value beyond a documented limit.
  case beyondLimit(LimitError)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .invalid(let field, let input, let expected):
      let name = field.map { "\($0): " } ?? ""
      return "\(name)cannot read '\(Limits.shown(input))': expected \(expected)"
    case .missing(let field, let expected):
      return "\(field) is missing: give \(expected)"
    case .beyondLimit(let error):
      return error.description
    }
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s = s.dropFirst() }
    while s.last?.isWhitespace == true { s = s.dropLast() }
    return String(s)
  }
}
