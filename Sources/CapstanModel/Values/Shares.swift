/// A whole number of shares (or options, or units of any security counted in shares).
///
/// Arithmetic that can overflow goes through the throwing `adding`/`subtracting`; the
/// operators trap, and are used only where the ledger has already bounded the values.
public struct Shares: Sendable, Hashable, Comparable, Codable {
  /// The count.
  public var count: Int64

  /// The largest quantity any single input may carry (one quadrillion shares).
  public static let maximumInput = Shares(1_000_000_000_000_000)
  /// No shares.
  public static let zero = Shares(0)

  /// `count` shares.
  public init(_ count: Int64) { self.count = count }

  /// Orders by count.
  public static func < (lhs: Shares, rhs: Shares) -> Bool { lhs.count < rhs.count }

  /// The sum, or `ValueError.overflow`.
  public func adding(_ other: Shares) throws(ValueError) -> Shares {
    let (sum, overflow) = count.addingReportingOverflow(other.count)
    if overflow { throw .overflow("\(count) + \(other.count) shares") }
    return Shares(sum)
  }

  /// The difference, or `ValueError.overflow`.
  public func subtracting(_ other: Shares) throws(ValueError) -> Shares {
    let (difference, overflow) = count.subtractingReportingOverflow(other.count)
    if overflow { throw .overflow("\(count) - \(other.count) shares") }
    return Shares(difference)
  }

  /// Sum (traps on overflow).
  public static func + (lhs: Shares, rhs: Shares) -> Shares { Shares(lhs.count + rhs.count) }
  /// Difference (traps on overflow).
  public static func - (lhs: Shares, rhs: Shares) -> Shares { Shares(lhs.count - rhs.count) }
  /// Adds in place (traps on overflow).
  public static func += (lhs: inout Shares, rhs: Shares) { lhs.count += rhs.count }
  /// Subtracts in place (traps on overflow).
  public static func -= (lhs: inout Shares, rhs: Shares) { lhs.count -= rhs.count }

  /// The count as an exact ratio.
  public var ratio: Ratio { Ratio(count) }

  /// The count with thousands separators: `4,000,000`.
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

extension Shares: ExpressibleByIntegerLiteral {
  /// A literal count.
  public init(integerLiteral value: Int64) { count = value }
}

extension Shares: CustomStringConvertible {
  /// The count with thousands separators.
  public var description: String { formatted }
}

/// A value that cannot be represented or computed.
public enum ValueError: Error, Equatable, CustomStringConvertible {
  /// Arithmetic left the representable range.
  case overflow(String)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .overflow(let what): "the numbers are too large to compute exactly (\(what))"
    }
  }
}
