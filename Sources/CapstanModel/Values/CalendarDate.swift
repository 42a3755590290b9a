import Foundation

/// A date on the calendar, with no time and no time zone (as deal documents date things).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Year, month and day packed as `year << 9 | month << 5 | day`, so dates compare and hash
  /// as one integer and take 4 bytes in every transaction.
  private let packed: UInt32

  /// The year (1...9999).
  public var year: Int { Int(packed >> 9) }
  /// The month (1...12).
  public var month: Int { Int((packed >> 5) & 0xF) }
  /// The day of the month.
  public var day: Int { Int(packed & 0x1F) }

  /// A checked date, or nil when it does not exist (2025-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.init(unchecked: year, month, day)
  }

  /// Parses `YYYY-MM-DD` strictly, or nil.
  public init?(iso text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (48...57).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Whether `year` is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in a month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// `YYYY-MM-DD`.
  public var iso: String {
    let y = String(year)
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
  }

  /// `YYYY-MM-DD`.
  public var description: String { iso }

  /// Orders chronologically.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.packed < rhs.packed }

  /// The same day `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28).
  public func adding(months: Int) -> CalendarDate {
    let index = year * 12 + (month - 1) + months
    let y = index / 12
    let m = index % 12 + 1
    let d = min(day, CalendarDate.daysIn(month: m, year: y))
    return CalendarDate(unchecked: y, m, d)
  }

  /// The date `days` later (or earlier when negative).
  public func adding(days: Int) -> CalendarDate {
    CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
  }

  init(unchecked year: Int, _ month: Int, _ day: Int) {
    packed = UInt32(year) << 9 | UInt32(month) << 5 | UInt32(day)
  }

  /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm.
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The date `days` after 1970-01-01.
  public init(daysSinceEpoch days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(to other: CalendarDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

  /// Whole calendar months from `self` until `other`: the largest m with `adding(months: m) <= other`.
  public func wholeMonths(until other: CalendarDate) -> Int {
    guard other >= self else { return 0 }
    var m = (other.year - year) * 12 + (other.month - month)
    while m > 0 && adding(months: m) > other { m -= 1 }
    return m
  }

  /// Today's date in the machine's time zone.
  public static func today() -> CalendarDate {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(unchecked: parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }

  /// Encodes as `YYYY-MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }

  /// Decodes from `YYYY-MM-DD`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CalendarDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
    }
    self = date
  }
}
