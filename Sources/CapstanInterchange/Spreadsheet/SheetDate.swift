import BigInt
import CapstanModel

/// Excel date serials: days since an epoch, in the 1900 or the 1904 date system.
enum SheetDate {
  /// The date of a serial (its time of day dropped), or nil for a serial Excel cannot show.
  ///
  /// 1900 system: serial 1 is 1900-01-01, and 60 is 1900-02-29, a day that never was (Lotus
  /// 1-2-3's leap-year bug, kept by Excel), so from 61 on the serial counts from 1899-12-30.
  /// 1904 system: serial 0 is 1904-01-01.
  static func date(serial: Ratio, uses1904: Bool) -> CalendarDate? {
    guard let days = Int(exactly: serial.floor), days >= 0, days < 2_958_466 else { return nil }
    if uses1904 {
      return CalendarDate(year: 1904, month: 1, day: 1).map {
        $0.adding(days: days)
      }
    }
    guard days >= 1, days != 60 else { return nil }
    let epoch =
      days < 60
      ? CalendarDate(year: 1899, month: 12, day: 31) : CalendarDate(year: 1899, month: 12, day: 30)
    return epoch.map { $0.adding(days: days) }
  }
}
