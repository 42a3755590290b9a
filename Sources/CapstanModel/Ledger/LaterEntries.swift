/// The ledger's entries dated after the date a view shows: how many, the latest date, and what
/// happened on it, so that a view never hides them without a word.
public struct LaterEntries: Sendable, Hashable {
  /// The view's date.
  public var after: CalendarDate
  /// How many transactions are dated after it.
  public var count: Int
  /// The date of the latest of them.
  public var latest: CalendarDate
  /// What happened on the latest date, in words (`round Series Seed`, `issue CS-4`).
  public var latestSummary: String

  /// The one-line note a text view prints under itself.
  public var note: String {
    let noun = count == 1 ? "transaction" : "transactions"
    let verb = count == 1 ? "is" : "are"
    return
      "Note: \(count) \(noun) dated after \(after.iso) \(verb) not shown (latest \(latest.iso): "
      + "\(latestSummary)); use --as-of \(latest.iso) or --as-of latest."
  }
}

extension LaterEntries {
  /// The later entries of several companies' ledgers as one (a workspace-wide view): their
  /// counts added, the latest date of them all, and what happened on it in which company
  /// (`round Seed in Acme AI`); nil when none has any.
  public static func combined(_ ledgers: [Ledger], after date: CalendarDate) -> LaterEntries? {
    let found = ledgers.compactMap { ledger in
      ledger.laterEntries(after: date).map { (company: ledger.company.name, entries: $0) }
    }
    guard let latest = found.map(\.entries.latest).max() else { return nil }
    let summary = found.filter { $0.entries.latest == latest }
      .map { "\($0.entries.latestSummary) in \($0.company)" }.joined(separator: "; ")
    return LaterEntries(
      after: date, count: found.map(\.entries.count).reduce(0, +), latest: latest,
      latestSummary: summary)
  }
}

extension Ledger {
  /// The date of the last dated entry: the latest transaction or plan adoption (nil when the
  /// ledger holds neither).
  public var latestDate: CalendarDate? {
    let transaction = effectiveTransactions.last?.date
    let plan = plans(asOf: nil).map(\.adopted).max()
    switch (transaction, plan) {
    case (let t?, let p?): return max(t, p)
    case (let t?, nil): return t
    case (nil, let p?): return p
    case (nil, nil): return nil
    }
  }

  /// The transactions (voided ones left out) dated after `date`, or nil when there are none.
  public func laterEntries(after date: CalendarDate) -> LaterEntries? {
    // In replay order, so the last transaction tells whether any is later (the usual answer
    // is no, and a large ledger is not walked for it).
    guard let last = transactions.last, last.date > date else { return nil }
    let start = transactions.partitioningIndex { $0.date > date }
    let voided = hasVoids ? voids : [:]
    let later = transactions[start...].filter { !$0.event.isVoid && voided[$0.sequence] == nil }
    guard let latest = later.last?.date else { return nil }
    let onLatest = later.filter { $0.date == latest }
    return LaterEntries(
      after: date, count: later.count, latest: latest,
      latestSummary: summary(of: onLatest, on: latest))
  }

  /// Words for the entries of one date: the round a new preferred class was first issued in,
  /// else the kinds of the entries and their securities.
  private func summary(of entries: [Transaction], on day: CalendarDate) -> String {
    let firstIssued = firstIssuanceDates()
    let preferred = Set(classes.filter { $0.kind == .preferred }.map(\.id))
    var rounds: [String] = []
    for entry in entries {
      guard case .issueStock(let issuance) = entry.event, preferred.contains(issuance.shareClass),
        firstIssued[issuance.shareClass] == day,
        let name = classes.first(where: { $0.id == issuance.shareClass })?.name,
        !rounds.contains(name)
      else { continue }
      rounds.append(name)
    }
    if !rounds.isEmpty { return rounds.map { "round \($0)" }.joined(separator: ", ") }
    let words = entries.prefix(3).map { entry in
      ([entry.event.kind.rawValue] + entry.event.securityIDs.prefix(1).map(\.rawValue))
        .joined(separator: " ")
    }
    return words.joined(separator: ", ") + (entries.count > 3 ? ", ..." : "")
  }

  /// The date each class was first issued on.
  private func firstIssuanceDates() -> [ShareClass.ID: CalendarDate] {
    var dates: [ShareClass.ID: CalendarDate] = [:]
    for transaction in effectiveTransactions {
      if case .issueStock(let issuance) = transaction.event, dates[issuance.shareClass] == nil {
        dates[issuance.shareClass] = transaction.date
      }
    }
    return dates
  }
}

extension Array {
  /// The first index whose element satisfies `predicate`, which must be false for a prefix of
  /// the array and true for the rest (a binary search).
  func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
    var low = startIndex
    var high = endIndex
    while low < high {
      let middle = low + (high - low) / 2
      if predicate(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
