import CapstanModel
import CapstanReports
import Foundation

/// The `--as-of` date of a view, and the note it prints when the ledger holds later entries.
enum AsOf {
  /// The later entries of a view across companies (`LaterEntries.combined`) as its note.
  static func printNote(_ ledgers: [Ledger], _ date: CalendarDate, format: OutputFormat) {
    print(LaterEntries.combined(ledgers, after: date)?.note, format: format)
  }

  /// The `later_entries` JSON of a view across companies.
  static func json(_ ledgers: [Ledger], _ date: CalendarDate) -> JSON {
    .laterEntries(LaterEntries.combined(ledgers, after: date))
  }

  /// Prints the note under a view: on stdout for text, on stderr for CSV (which stays rows).
  static func printNote(_ ledger: Ledger, _ date: CalendarDate, format: OutputFormat = .text) {
    print(ledger.laterEntries(after: date)?.note, format: format)
  }

  /// Prints a note (if any) where a view of `format` prints it.
  static func print(_ note: String?, format: OutputFormat) {
    guard let note else { return }
    switch format {
    case .text: Swift.print(note)
    case .csv: FileHandle.standardError.write(Data((note + "\n").utf8))
    case .json: break  // carried by `json(_:_:)` in the document
    }
  }

  /// The `later_entries` JSON object (null when nothing is dated after `date`).
  static func json(_ ledger: Ledger, _ date: CalendarDate) -> JSON {
    .laterEntries(ledger.laterEntries(after: date))
  }

  /// The line an import prints when some of what it wrote is dated after today, else nil.
  static func importNote(_ ledger: Ledger) -> String? {
    LaterEntries.importNote(ledger, today: Today.date)
  }

  /// The line a write prints when what it recorded is dated after today, else nil.
  static func futureNote(
    _ dates: [CalendarDate], _ record: LaterEntries.FutureRecord = .fromItsDate(latest: true)
  ) -> String? {
    LaterEntries.futureNote(dates, record, today: Today.date)
  }
}
