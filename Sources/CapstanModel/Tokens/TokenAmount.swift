/// A whole number of compute tokens.
///
/// Tokens are counted whole, like shares: a grant, an unlock, a redemption or a sale is always
/// an integer number of tokens (unlocks are floored, as vesting is).
public struct TokenAmount: Sendable, Hashable, Comparable, Codable {
  /// The count.
  public var count: Int64

  /// No tokens.
  public static let zero = TokenAmount(0)

  /// `count` tokens.
  public init(_ count: Int64) { self.count = count }

  /// Orders by count.
  public static func < (lhs: TokenAmount, rhs: TokenAmount) -> Bool { lhs.count < rhs.count }
  /// Sum (traps on overflow; inputs are bounded by the parser).
  public static func + (lhs: TokenAmount, rhs: TokenAmount) -> TokenAmount {
    TokenAmount(lhs.count + rhs.count)
  }
  /// Difference (traps on overflow; inputs are bounded by the parser).
  public static func - (lhs: TokenAmount, rhs: TokenAmount) -> TokenAmount {
    TokenAmount(lhs.count - rhs.count)
  }
  /// Adds in place.
  public static func += (lhs: inout TokenAmount, rhs: TokenAmount) { lhs.count += rhs.count }
  /// Subtracts in place.
  public static func -= (lhs: inout TokenAmount, rhs: TokenAmount) { lhs.count -= rhs.count }

  /// The count as an exact ratio.
  public var ratio: Ratio { Ratio(count) }

  /// The count with thousands separators: `1,500,000`.
  public var formatted: String {
    let digits = Ratio.grouped(count.magnitude.description)
    return count < 0 ? "-" + digits : digits
  }

  /// Encodes as a plain JSON integer.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(count)
  }

  /// Decodes from a plain JSON integer.
  public init(from decoder: any Decoder) throws {
    count = try decoder.singleValueContainer().decode(Int64.self)
  }
}

extension TokenAmount: ExpressibleByIntegerLiteral {
  /// A literal count.
  public init(integerLiteral value: Int64) { count = value }
}

extension TokenAmount: CustomStringConvertible {
  /// The count with thousands separators.
  public var description: String { formatted }
}

extension AmountParser {
  /// Parses a whole, positive number of tokens (`1,500,000`, `1.5M`).
  public static func tokens(_ text: String, field: String? = nil) throws(InputError) -> TokenAmount
  {
    let expected = "a whole, positive number of tokens like 1500000, 1,500,000 or 1.5M"
    let shares: Shares
    do throws(InputError) {
      shares = try AmountParser.shares(text, field: field)
    } catch {
      throw .invalid(field: field, input: text, expected: expected)
    }
    guard shares > .zero else { throw .invalid(field: field, input: text, expected: expected) }
    return TokenAmount(shares.count)
  }
}
