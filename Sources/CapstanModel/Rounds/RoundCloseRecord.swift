/// What `round close` wrote for one saved round: the run of transactions and the classes of
/// the close, kept append-only beside the ledger so that the ledger before the close is a
/// filter (`Ledger.beforeClosing(of:closings:)`), not an inference from class names.
///
/// Written in the same atomic write as the close (`WorkspaceDraft.closeSavedRound`). A void
/// of the close's transactions leaves the record in place (the ledger keeps the voided rows);
/// readers ask the ledger which of them still stand.
public struct RoundCloseRecord: Sendable, Hashable, Codable {
  /// The saved round's name, as saved (names are unique per company, in any case).
  public var round: String
  /// The closing date every transaction of the close carries.
  public var date: CalendarDate
  /// The sequences of the close's transactions (one write numbers them contiguously).
  public var sequences: ClosedRange<Int>
  /// The classes the close created: the round's class and its conversion sub-series.
  public var classes: [ShareClass.ID]

  /// A record.
  public init(
    round: String, date: CalendarDate, sequences: ClosedRange<Int>, classes: [ShareClass.ID]
  ) {
    self.round = round
    self.date = date
    self.sequences = sequences
    self.classes = classes
  }

  /// Whether this is the close of `round` (saved round names compare in any case).
  public func closes(_ round: SavedRound) -> Bool {
    self.round.lowercased() == round.name.lowercased()
  }
}

/// A close whose transactions were not recorded as one run.
public enum RoundCloseRecordError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The close wrote no transaction (nothing to record).
  case nothingWritten(round: String)

  /// The facts.
  public var description: String {
    switch self {
    case .nothingWritten(let round): "closing \(round) wrote no transaction"
    }
  }
}

extension WorkspaceDraft {
  /// Closes a saved round (`closeRound`) and records which transactions and classes the
  /// close wrote for it (`RoundCloseRecord`), in this write.
  @discardableResult
  public mutating func closeSavedRound(
    _ round: SavedRound, closing: RoundClosing, company: Company.ID
  ) throws -> [Transaction] {
    let classesBefore = changes.classes.count
    let written = try closeRound(closing, company: company)
    guard let first = written.map(\.sequence).min(), let last = written.map(\.sequence).max()
    else { throw RoundCloseRecordError.nothingWritten(round: round.name) }
    let classes = changes.classes[classesBefore...].filter { $0.company == company }
      .map(\.item.id)
    changes.roundClosings.append(
      CompanyItem(
        company: company,
        item: RoundCloseRecord(
          round: round.name, date: closing.date, sequences: first...last, classes: classes)))
    return written
  }
}
