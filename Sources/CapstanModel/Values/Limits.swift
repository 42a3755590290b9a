import BigInt

/// The largest magnitudes Capstan accepts, in one place; every parser calls these checks.
///
/// Real cap tables stay far inside them; a value beyond one is refused where it enters (CLI
/// options, Capstan XML, OCF, workbooks and CSV, scenario files, stored rows read back) with
/// an error naming the field and the limit, so one hostile number cannot make a company slow or
/// unusable forever. `docs/limits.md` lists them.
public enum Limits {
  /// The most shares (or tokens, options, units) one value may carry: 10^15.
  public static let maximumShares: Int64 = 1_000_000_000_000_000
  /// Money amounts stay below 10^18 whole units (a quintillion).
  public static let maximumMoneyWholeDigits = 18
  /// A price per share stays below 10^12 whole units.
  public static let maximumPriceWholeDigits = 12
  /// Decimals of a money amount, a price or a ratio (OCF's Numeric carries 10).
  public static let maximumDecimals = 10
  /// Significant digits of a ratio or percentage (numerator and denominator of `n/d` each).
  public static let maximumRatioDigits = 18
  /// Characters of a number's text read at all (longer text is refused before parsing).
  public static let maximumNumberText = 64
  /// Characters of a number read back from a stored row (exact results of deal maths, such as
  /// `n/d` conversion ratios, can be longer than any input).
  public static let maximumStoredNumberText = 200
  /// The longest vesting or unlock period, in months (100 years); in days, 36,525.
  public static let maximumPeriodMonths = 1_200
  /// The longest vesting or unlock period in days (100 years).
  public static let maximumPeriodDays = 36_525
  /// The most installments (occurrences) of one vesting or unlock schedule.
  public static let maximumOccurrences = 1_200
  /// The years a date may fall in.
  public static let years = 1_800...2_200
  /// Characters shown of a refused value in a message.
  public static let shownCharacters = 40

  /// A kind of magnitude, with its limit.
  public enum Quantity: Sendable, Equatable {
    /// A money amount (investment, proceeds, principal, valuation).
    case money
    /// A price per share (or per token).
    case price
    /// A ratio, multiple or percentage.
    case ratio

    /// The limit in words.
    public var limit: String {
      switch self {
      case .money:
        "below 10^\(Limits.maximumMoneyWholeDigits) with at most \(Limits.maximumDecimals) decimals"
      case .price:
        "below 10^\(Limits.maximumPriceWholeDigits) per unit with at most "
          + "\(Limits.maximumDecimals) decimals"
      case .ratio:
        "at most \(Limits.maximumRatioDigits) digits above and below the line, "
          + "\(Limits.maximumDecimals) decimals"
      }
    }

    var wholeDigits: Int {
      switch self {
      case .money: Limits.maximumMoneyWholeDigits
      case .price: Limits.maximumPriceWholeDigits
      case .ratio: Limits.maximumRatioDigits
      }
    }
  }

  /// `text` cut to `shownCharacters` (with the full length) for an error message.
  public static func shown(_ text: some StringProtocol) -> String {
    let count = text.count
    guard count > shownCharacters else { return String(text) }
    return "\(text.prefix(shownCharacters))… (\(count) characters)"
  }

  /// Refuses number text too long to be a number inside the limits, before it is parsed.
  public static func checkText(_ text: some StringProtocol, field: String) throws(LimitError) {
    guard text.utf8.count <= maximumNumberText else {
      throw LimitError(
        field: field, value: shown(text),
        limit: "a number of at most \(maximumNumberText) characters")
    }
  }

  /// Refuses a share count (or token count) beyond `maximumShares` or below zero.
  public static func check(shares count: Int64, field: String) throws(LimitError) {
    guard count >= -maximumShares, count <= maximumShares else {
      throw LimitError(field: field, value: String(count), limit: sharesLimit)
    }
  }

  /// The share limit in words.
  public static var sharesLimit: String { "at most 10^15 (1,000,000,000,000,000)" }

  /// Refuses a value of `quantity` beyond its limit.
  ///
  /// A value is inside when its magnitude is below 10^wholeDigits and it has at most
  /// `maximumDecimals` decimals; a ratio may instead be any `n/d` with both parts inside
  /// `maximumRatioDigits` digits (1/3 is a fine ratio).
  public static func check(_ value: Ratio, _ quantity: Quantity, field: String) throws(LimitError) {
    if isInside(value, quantity) { return }
    throw LimitError(field: field, value: shown(value.fractionString), limit: quantity.limit)
  }

  /// Whether `value` is inside the limit of `quantity`.
  public static func isInside(_ value: Ratio, _ quantity: Quantity) -> Bool {
    let bound = BigInt(10).power(quantity.wholeDigits)
    if quantity == .ratio {
      return value.numerator.magnitude < bound.magnitude
        && value.denominator.magnitude < bound.magnitude
    }
    guard value.magnitude < Ratio(bound) else { return false }
    // At most `maximumDecimals` decimals: the denominator divides 10^maximumDecimals.
    return BigInt(10).power(maximumDecimals) % value.denominator == 0
  }

  /// Refuses a period beyond 100 years (in months or days) or more than 1,200 occurrences,
  /// before anything multiplies them.
  public static func check(
    period length: Int, inDays: Bool, occurrences: Int = 1, field: String
  ) throws(LimitError) {
    let maximum = inDays ? maximumPeriodDays : maximumPeriodMonths
    let unit = inDays ? "days" : "months"
    guard length >= 0, length <= maximum else {
      throw LimitError(
        field: field, value: "\(length) \(unit)", limit: "at most \(maximum) \(unit)")
    }
    guard occurrences >= 0, occurrences <= maximumOccurrences else {
      throw LimitError(
        field: field, value: "\(occurrences) occurrences",
        limit: "at most \(maximumOccurrences) occurrences")
    }
    guard length * occurrences <= maximum else {
      throw LimitError(
        field: field, value: "\(length) × \(occurrences) \(unit)",
        limit: "at most \(maximum) \(unit) in all")
    }
  }

  /// Refuses a date outside `years`.
  public static func check(_ date: CalendarDate, field: String) throws(LimitError) {
    guard years.contains(date.year) else {
      throw LimitError(
        field: field, value: date.description,
        limit: "a year from \(years.lowerBound) to \(years.upperBound)")
    }
  }
}

/// A value beyond a documented limit (`Limits`), naming the field, the value and the limit.
public struct LimitError: Error, Equatable, CustomStringConvertible {
  /// The field or option that carried the value.
  public var field: String
  /// The value, cut to a readable length.
  public var value: String
  /// The limit, in words.
  public var limit: String

  /// An error for `field`.
  public init(field: String, value: String, limit: String) {
    self.field = field
    self.value = value
    self.limit = limit
  }

  /// A sentence a user can act on.
  public var description: String {
    "\(field): \(value) is beyond Capstan's limit (\(limit); see docs/limits.md)"
  }
}
