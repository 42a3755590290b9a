import CapstanModel
import Foundation
import Testing

/// A date from `YYYY-MM-DD` in test code; a typo records an issue instead of trapping.
func day(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) -> CalendarDate {
  guard let date = CalendarDate(iso: iso) else {
    Issue.record("not a date: \(iso)", sourceLocation: sourceLocation)
    return CalendarDate(daysSinceEpoch: 0)
  }
  return date
}

@Suite("CalendarDate")
struct CalendarDateTests {
  @Test(
    "strict ISO parsing accepts real dates",
    arguments: [
      ("2024-02-29", 2024, 2, 29),  // 2024 is divisible by 4: leap
      ("2000-02-29", 2000, 2, 29),  // divisible by 400: leap
      ("2025-01-15", 2025, 1, 15),
      ("0001-01-01", 1, 1, 1),
      ("9999-12-31", 9999, 12, 31),
    ])
  func parses(text: String, year: Int, month: Int, dayOfMonth: Int) {
    let date = CalendarDate(iso: text)
    #expect(date?.year == year)
    #expect(date?.month == month)
    #expect(date?.day == dayOfMonth)
    #expect(date?.iso == text)
  }

  @Test(
    "strict ISO parsing refuses anything else",
    arguments: [
      "2025-02-29",  // 2025 is not a leap year
      "1900-02-29",  // divisible by 100 but not 400: not leap
      "2025-1-05", "2025-01-5", "2025-13-01", "2025-00-10", "2025-04-31", "2025-01-00",
      "0000-01-01", "2025/01/05", "20250105", "2025-01-05T00:00", " 2025-01-05", "2025-01-5 ",
      "２０２５-01-05", "", "+025-01-05", "-025-01-05",
    ])
  func refuses(text: String) {
    #expect(CalendarDate(iso: text) == nil)
  }

  @Test("year, month, day initializer checks the calendar")
  func checkedInit() {
    #expect(CalendarDate(year: 2025, month: 2, day: 28) != nil)
    #expect(CalendarDate(year: 2025, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2025, month: 6, day: 31) == nil)
    #expect(CalendarDate(year: 0, month: 1, day: 1) == nil)
    #expect(CalendarDate(year: 10000, month: 1, day: 1) == nil)
    // the iso string pads the year to four digits
    #expect(CalendarDate(year: 5, month: 1, day: 2)?.iso == "0005-01-02")
  }

  @Test(
    "adding(months:) clamps to the end of shorter months",
    arguments: [
      ("2025-01-31", 1, "2025-02-28"),  // February 2025 has 28 days
      ("2024-01-31", 1, "2024-02-29"),  // February 2024 has 29
      ("2025-03-31", 13, "2026-04-30"),  // 13 months on: April 2026 has 30
      ("2025-01-31", 2, "2025-03-31"),  // clamping does not stick: March has 31
      ("2025-01-31", 12, "2026-01-31"),
      ("2024-12-15", 1, "2025-01-15"),  // across a year end
      ("2025-01-15", 0, "2025-01-15"),
      ("2025-03-31", -1, "2025-02-28"),  // backwards, clamped too
      ("2025-08-31", -6, "2025-02-28"),
      ("2025-01-15", -1, "2024-12-15"),
      ("2024-02-29", 12, "2025-02-28"),
      ("2024-02-29", 48, "2028-02-29"),
    ])
  func addingMonths(start: String, months: Int, expected: String) {
    #expect(day(start).adding(months: months) == day(expected))
  }

  @Test(
    "daysSinceEpoch against known values",
    arguments: [
      ("1970-01-01", 0),
      ("1969-12-31", -1),
      // 30 years with 7 leap days (1972…1996) = 10,957 days to 2000-01-01
      ("2000-01-01", 10957),
      // + 31 (January) + 29 (February 2000) = 11,017
      ("2000-03-01", 11017),
      // 55 years with 14 leap days (1972…2024) = 20,089
      ("2025-01-01", 20089),
      ("2025-01-15", 20103),
      // 2024-01-01 = 20,089 − 366 = 19,723; + 59 = 19,782
      ("2024-02-29", 19782),
      // years 1…1969: 1969·365 + (492 − 19 + 4) leap days = 719,162 days before 1970
      ("0001-01-01", -719_162),
      // years 1…9999 hold 9999·365 + 2424 = 3,652,059 days; the last is day 3,652,058 after
      // 0001-01-01, i.e. 3,652,058 − 719,162
      ("9999-12-31", 2_932_896),
    ])
  func knownDays(text: String, days: Int) {
    #expect(day(text).daysSinceEpoch == days)
    #expect(CalendarDate(daysSinceEpoch: days) == day(text))
  }

  @Test("each day of 2023…2028 is the day after the one before (counted by hand)")
  func consecutiveDays() throws {
    // A second method: walk the calendar by hand, one day at a time.
    var expected = try #require(CalendarDate(year: 2023, month: 1, day: 1))
    let first = expected.daysSinceEpoch
    for offset in 0..<(6 * 365 + 2) {
      let date = CalendarDate(daysSinceEpoch: first + offset)
      #expect(date == expected)
      #expect(date.daysSinceEpoch == first + offset)
      var (y, m, d) = (expected.year, expected.month, expected.day + 1)
      if d > CalendarDate.daysIn(month: m, year: y) { (m, d) = (m + 1, 1) }
      if m > 12 { (y, m) = (y + 1, 1) }
      expected = try #require(CalendarDate(year: y, month: m, day: d))
    }
  }

  @Test("daysSinceEpoch round trip over 0001…9999 agrees with Foundation's Gregorian calendar")
  func roundTripAndFoundation() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    // every 997th day of the whole range: the round trip, and the date is a checked one
    for days in stride(from: -719_162, through: 2_932_896, by: 997) {
      let date = CalendarDate(daysSinceEpoch: days)
      #expect(date.daysSinceEpoch == days)
      #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
      #expect(date.adding(days: 1).daysSinceEpoch == days + 1)
    }
    // Foundation's calendar switches to Julian before 1582; compare from 1601 on.
    for days in stride(from: -134_774, through: 2_932_896, by: 1009) {
      let date = CalendarDate(daysSinceEpoch: days)
      let parts = calendar.dateComponents(
        [.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
      #expect(
        [date.year, date.month, date.day] == [parts.year, parts.month, parts.day], "day \(days)")
    }
  }

  @Test("adding(days:) and days(to:)")
  func addingDays() {
    #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
    #expect(day("2024-02-28").adding(days: 2) == day("2024-03-01"))
    #expect(day("2025-02-28").adding(days: 1) == day("2025-03-01"))
    #expect(day("2025-01-01").adding(days: -1) == day("2024-12-31"))
    // 2025 is not a leap year: 365 days from 2025-01-01 to 2026-01-01
    #expect(day("2025-01-01").days(to: day("2026-01-01")) == 365)
    #expect(day("2024-01-01").days(to: day("2025-01-01")) == 366)
    #expect(day("2026-01-01").days(to: day("2025-01-01")) == -365)
  }

  @Test(
    "wholeMonths(until:) is the largest m with adding(months: m) <= other",
    arguments: [
      ("2025-01-31", "2025-02-28", 1),  // Jan 31 + 1 month = Feb 28 (clamped) ≤ Feb 28
      ("2025-01-31", "2025-02-27", 0),
      ("2025-03-31", "2026-04-30", 13),  // + 13 = 2026-04-30
      ("2025-03-31", "2026-04-29", 12),  // + 13 = 2026-04-30 is one day late
      ("2025-03-31", "2026-03-30", 11),
      ("2025-01-15", "2025-01-15", 0),
      ("2025-01-15", "2025-01-14", 0),  // earlier: 0
      ("2025-01-15", "2024-01-15", 0),
      ("2024-02-29", "2025-02-28", 12),  // + 12 = 2025-02-28 (clamped)
      ("2025-01-01", "2026-08-31", 19),  // + 19 = 2026-08-01; + 20 = 2026-09-01 is later
      ("2025-01-15", "2027-01-15", 24),
    ])
  func wholeMonths(from: String, until: String, months: Int) {
    #expect(day(from).wholeMonths(until: day(until)) == months)
  }

  @Test("ordering and Codable")
  func orderingAndCodable() throws {
    #expect(day("2025-01-31") < day("2025-02-01"))
    #expect(day("2024-12-31") < day("2025-01-01"))
    #expect(!(day("2025-01-01") < day("2025-01-01")))
    let data = try JSONEncoder().encode([day("2025-01-15")])
    #expect(String(decoding: data, as: UTF8.self) == #"["2025-01-15"]"#)
    #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [day("2025-01-15")])
    let bad = try JSONEncoder().encode(["2025-02-29"])
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: bad) }
  }
}
