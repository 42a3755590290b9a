import CapstanModel
import Foundation

/// The `--as-of` date of a view, and the note it prints when the ledger holds later entries.
enum AsOf {
  /// The date `--as-of` names: a date, `latest` (the ledger's last dated entry), or today.
  static func date(_ text: String?, _ ledger: Ledger, field: String = "--as-of") throws
    -> CalendarDate
  {
    guard let text else { return .today() }
    if text.lowercased() == "latest" { return ledger.latestDate ?? .today() }
    return try Parse.date(text, field)
  }

  /// The one-line note under a text view, or nil when nothing is dated after `date`.
  static func note(_ ledger: Ledger, _ date: CalendarDate) -> String? {
    ledger.laterEntries(after: date)?.note
  }

  /// Prints the note under a view: on stdout for text, on stderr for CSV (which stays rows).
  static func printNote(_ ledger: Ledger, _ date: CalendarDate, format: OutputFormat = .text) {
    guard let note = note(ledger, date) else { return }
    switch format {
    case .text: print(note)
    case .csv: FileHandle.standardError.write(Data((note + "\n").utf8))
    case .json: break  // carried by `json(_:_:)` in the document
    }
  }

  /// The `later_entries` JSON object (null when nothing is dated after `date`).
  static func json(_ ledger: Ledger, _ date: CalendarDate) -> JSON {
    guard let later = ledger.laterEntries(after: date) else { return .null }
    return .object([
      ("count", .int(Int64(later.count))), ("latest", .string(later.latest.iso)),
      ("latest_summary", .string(later.latestSummary)),
    ])
  }

  /// The line a write prints when what it recorded is dated after today, else nil.
  static func futureNote(_ dates: [CalendarDate]) -> String? {
    let today = CalendarDate.today()
    guard let latest = dates.max(), latest > today else { return nil }
    return
      "Note: dated \(latest.iso), after today (\(today.iso)): views as of today leave it out "
      + "until then; use --as-of \(latest.iso) or --as-of latest to see it."
  }
}
