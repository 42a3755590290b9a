import CapstanEngine
import CapstanModel

/// Note interest written out from the day-count definitions, for the oracle.
enum OracleInterest {
  /// Days from `start` to `end`: actual days (ACT/365), or 30/360 per ISDA 2006 §4.16(f):
  /// 360 × (Y2 − Y1) + 30 × (M2 − M1) + (D2 − D1), D1 = 31 → 30, D2 = 31 → 30 when D1 ≥ 30.
  static func days(_ dayCount: DayCount, from start: CalendarDate, to end: CalendarDate) -> Int {
    switch dayCount {
    case .actual365:
      return end.daysSinceEpoch - start.daysSinceEpoch
    case .thirty360:
      let d1 = start.day == 31 ? 30 : start.day
      let d2 = (end.day == 31 && d1 >= 30) ? 30 : end.day
      return 360 * (end.year - start.year) + 30 * (end.month - start.month) + (d2 - d1)
    }
  }

  /// The exact (unrounded) interest on `note` from issue to `date`.
  ///
  /// Simple: P × r × days ÷ year. Annual compounding: (1 + r) per whole year, then simple
  /// interest on the compounded amount for the part year; whole years are anniversaries for
  /// ACT/365 and 360-day blocks for 30/360.
  static func interest(_ note: ConvertibleNote, to date: CalendarDate) -> Ratio {
    let year = Int64(note.dayCount == .actual365 ? 365 : 360)
    let rate = note.interestRate
    switch note.compounding {
    case .simple:
      let days = Int64(days(note.dayCount, from: note.issued, to: date))
      return note.principal * rate * Ratio(days, year)
    case .annual:
      var whole = 0
      var stubDays: Int
      switch note.dayCount {
      case .actual365:
        while note.issued.adding(months: 12 * (whole + 1)) <= date { whole += 1 }
        stubDays = days(.actual365, from: note.issued.adding(months: 12 * whole), to: date)
      case .thirty360:
        let total = days(.thirty360, from: note.issued, to: date)
        whole = total / 360
        stubDays = total - 360 * whole
      }
      var amount = note.principal
      for _ in 0..<whole { amount = amount + amount * rate }
      amount = amount + amount * rate * Ratio(Int64(stubDays), year)
      return amount - note.principal
    }
  }
}
