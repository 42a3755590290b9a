import CapstanModel
import Foundation

/// The one place the CLI reads the clock. Libraries take "today" as a parameter; commands
/// pass `Today.date`, which is the system's date, or `CAPSTAN_TODAY` (`YYYY-MM-DD`) when set,
/// so scripts and the output snapshots can pin the day.
enum Today {
  /// Today's date for this process.
  static let date: CalendarDate = {
    if let pinned = ProcessInfo.processInfo.environment["CAPSTAN_TODAY"],
      let date = CalendarDate(iso: pinned)
    {
      return date
    }
    return CalendarDate.today()
  }()
}
