extension LaterEntries {
  /// How a record dated after today shows in views.
  public enum FutureRecord: Sendable, Hashable {
    /// Views as of its date on include it; `--as-of latest` reaches it when it is a ledger
    /// entry (a transaction, a plan), not when it is kept beside the ledger (a valuation, a
    /// board record, a token price).
    case fromItsDate(latest: Bool)
    /// It applies to every view at once (a void, a stakeholder change): its date records when
    /// the correction was made.
    case atOnce
  }

  /// The line a write prints when what it recorded (dated `dates`) is dated after `today`,
  /// else nil.
  public static func futureNote(
    _ dates: [CalendarDate], _ record: FutureRecord = .fromItsDate(latest: true),
    today: CalendarDate
  ) -> String? {
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

  /// The line an import prints when some of what it wrote to `ledger` is dated after `today`,
  /// else nil.
  public static func importNote(_ ledger: Ledger, today: CalendarDate) -> String? {
    guard let later = ledger.laterEntries(after: today) else { return nil }
    let noun = later.count == 1 ? "transaction is" : "transactions are"
    return
      "Note: \(later.count) \(noun) dated after today (\(today.iso)), the latest "
      + "\(later.latest.iso) (\(later.latestSummary)): views as of today leave "
      + (later.count == 1 ? "it" : "them") + " out until then; use --as-of \(later.latest.iso) "
      + "or --as-of latest to see " + (later.count == 1 ? "it." : "them.")
  }
}
