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
    let today = Today.date
    guard let later = ledger.laterEntries(after: today) else { return nil }
    let noun = later.count == 1 ? "transaction is" : "transactions are"
    return
      "Note: \(later.count) \(noun) dated after today (\(today.iso)), the latest "
      + "\(later.latest.iso) (\(later.latestSummary)): views as of today leave "
      + (later.count == 1 ? "it" : "them") + " out until then; use --as-of \(later.latest.iso) "
      + "or --as-of latest to see " + (later.count == 1 ? "it." : "them.")
  }

  /// How a record dated after today shows in views.
  enum FutureRecord {
    /// Views as of its date on include it; `--as-of latest` reaches it when it is a ledger
    /// entry (a transaction, a plan), not when it is kept beside the ledger (a valuation, a
    /// board record, a token price).
    case fromItsDate(latest: Bool)
    /// It applies to every view at once (a void, a stakeholder change): its date records when
    /// the correction was made.
    case atOnce
  }

  /// The line a write prints when what it recorded is dated after today, else nil.
  static func futureNote(
    _ dates: [CalendarDate], _ record: FutureRecord = .fromItsDate(latest: true)
  ) -> String? {
    let today = Today.date
    guard let latest = dates.max(), latest > today else { return nil }
    let head = "Note: dated \(latest.iso), after today (\(today.iso))"
    switch record {
    case .fromItsDate(let reachedByLatest):
      return head + ": views as of today leave it out until then; use --as-of \(latest.iso)"
        + (reachedByLatest ? " or --as-of latest" : "") + " to see it."
    case .atOnce:
      return head + "; it applies to every view at once (the date records when it was made)."
    }
  }
}
