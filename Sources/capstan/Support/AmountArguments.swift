import ArgumentParser
import CapstanModel

/// Typed amounts read by the argument parser: `@Option(transform: Amount.money("--price"))`.
///
/// Each transform uses `AmountParser`'s grammar and limits and names its option. A refusal
/// keeps its exit status 1 and its own message (`CapstanMain.report` finds it inside the
/// parser's error), so a value past a limit is refused naming the limit, and a 100,000-digit
/// value is not echoed back.
enum Amount {
  /// A transform from the option's text to a typed value.
  typealias Transform<Value> = @Sendable (String) throws -> Value

  /// An amount of money (`1,250,000`, `2.5M`, `$750k`).
  static func money(_ field: String) -> Transform<Ratio> {
    { try AmountParser.amount($0, field: field) }
  }

  /// A positive amount of money or price (zero refused, `expected` saying what is).
  static func positive(_ field: String, _ expected: String = "a positive price") -> Transform<Ratio>
  {
    { text in
      let value = try AmountParser.amount(text, field: field)
      guard value > .zero else {
        throw InputError.invalid(field: field, input: text, expected: expected)
      }
      return value
    }
  }

  /// A positive whole number of shares.
  static func shares(_ field: String) -> Transform<Shares> {
    { text in
      let value = try AmountParser.shares(text, field: field)
      guard value > .zero else {
        throw InputError.invalid(field: field, input: text, expected: "a positive number of shares")
      }
      return value
    }
  }

  /// A whole number of shares, zero allowed.
  static func count(_ field: String) -> Transform<Shares> {
    { try AmountParser.shares($0, field: field) }
  }

  /// A percentage (`20%`, `0.2`).
  static func percentage(_ field: String) -> Transform<Ratio> {
    { try AmountParser.percentage($0, field: field) }
  }

  /// A positive multiple such as `1`, `1x` or `2.5x`.
  static func multiple(_ field: String) -> Transform<Ratio> {
    { text in
      let trimmed = text.lowercased().hasSuffix("x") ? String(text.dropLast()) : text
      try Limits.checkText(trimmed, field: field)
      guard let value = Ratio(decimal: trimmed), value > .zero else {
        throw InputError.invalid(
          field: field, input: text, expected: "a positive multiple like 1x or 2.5x")
      }
      return value
    }
  }

  /// A number of tokens.
  static func tokens(_ field: String) -> Transform<TokenAmount> {
    { try AmountParser.tokens($0, field: field) }
  }

  /// A split ratio (`2:1`, `3-for-2`, `1:10`).
  static func split(_ field: String) -> Transform<Ratio> {
    { try AmountParser.splitRatio($0, field: field) }
  }

  /// The refusal a transform threw, found inside the parser's error (nil for a usage error).
  static func refusal(in error: Any, depth: Int = 0) -> (any RefusedInput)? {
    if let refused = error as? any RefusedInput { return refused }
    guard depth < 6 else { return nil }
    for child in Mirror(reflecting: error).children {
      if let refused = refusal(in: child.value, depth: depth + 1) { return refused }
    }
    return nil
  }
}
