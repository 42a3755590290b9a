import CapstanModel

/// How days between two dates are counted for interest, and how many make a year: the note's
/// type (one vocabulary, declared in Model): `actual365` is actual days elapsed over a 365-day
/// year ("Actual/365 (Fixed)", ISDA 2006 §4.16(d)), `thirty360` thirty-day months over a
/// 360-day year ("30/360", bond basis, ISDA 2006 §4.16(f)).
public typealias DayCount = NoteIssuance.DayCount

/// How a note's interest accrues: the note's type (one vocabulary, declared in Model):
/// `simple` is principal × rate × year fraction; `annual` compounds on each anniversary of
/// issue, with simple interest over the last part year.
public typealias InterestCompounding = NoteIssuance.Compounding

extension NoteIssuance.DayCount {
  /// Days in a year under the convention (365 or 360).
  public var daysPerYear: Int {
    switch self {
    case .actual365: 365
    case .thirty360: 360
    }
  }

  /// Days from `start` to `end` under the convention.
  ///
  /// 30/360 follows ISDA 2006 §4.16(f): Day Count Fraction =
  /// [360 × (Y2 − Y1) + 30 × (M2 − M1) + (D2 − D1)] / 360, where D1 = 31 becomes 30, and
  /// D2 = 31 becomes 30 when D1 is then 30.
  public func days(from start: CalendarDate, to end: CalendarDate) -> Int {
    switch self {
    case .actual365:
      return start.days(to: end)
    case .thirty360:
      let (y1, m1, y2, m2) = (start.year, start.month, end.year, end.month)
      let d1 = min(start.day, 30)
      let d2 = end.day == 31 && d1 == 30 ? 30 : end.day
      return 360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1)
    }
  }

  /// The exact fraction of a year from `start` to `end`.
  public func yearFraction(from start: CalendarDate, to end: CalendarDate) -> Ratio {
    Ratio(Int64(days(from: start, to: end)), Int64(daysPerYear))
  }
}
