import CapstanModel

extension Ledger {
  /// The ledger as it stood just before `round` was closed, or nil when it has not been.
  ///
  /// `closings` are the workspace's `RoundCloseRecord`s for the company, in recording order
  /// (`Workspace.roundClosings(for:)`): the round's close and every close recorded after it
  /// (a later round, possibly closed on the same date) are taken out, their runs of
  /// transactions, any void of those, and their classes. That gives back the capitalization
  /// the round was modelled on, so a closed round's term sheet shows the same numbers as
  /// before the close. A workspace closed before closings were recorded (schema
  /// `v19-round-closings`) has no record for the round: the run is then inferred
  /// (`beforeClosingInferred(of:)`).
  public func beforeClosing(of round: SavedRound, closings: [RoundCloseRecord]) -> Ledger? {
    guard let index = closings.lastIndex(where: { $0.closes(round) }) else {
      return beforeClosingInferred(of: round)
    }
    let closes = closings[index...]
    return without(
      sequences: closes.map(\.sequences), classes: Set(closes.flatMap(\.classes)))
  }

  /// Whether the close of `round` still stands: recorded (or inferred) and not every one of its
  /// transactions voided (a voided close, `undo` right after `round close` for one, leaves the
  /// round as saved, not closed).
  public func standsClosed(_ round: SavedRound, closings: [RoundCloseRecord]) -> Bool {
    guard let record = closings.last(where: { $0.closes(round) }) else {
      return beforeClosingInferred(of: round) != nil
    }
    let voided = voids
    return transactions.contains {
      record.sequences.contains($0.sequence) && voided[$0.sequence] == nil
    }
  }

  /// The ledger without the transactions in `sequences`, the voids of those, and `classes`.
  func without(sequences: [ClosedRange<Int>], classes removed: Set<ShareClass.ID>) -> Ledger {
    func removes(_ sequence: Int) -> Bool { sequences.contains { $0.contains(sequence) } }
    return Ledger(
      company: company, stakeholders: Array(stakeholders.values),
      classes: classes.filter { !removed.contains($0.id) }, plans: plans,
      transactions: transactions.filter { transaction in
        guard !removes(transaction.sequence) else { return false }
        if case .void(let voiding) = transaction.event { return !removes(voiding.transaction) }
        return true
      })
  }

  /// The ledger before `round`'s close, inferred for a workspace closed before closings were
  /// recorded: the fallback of `beforeClosing(of:closings:)`.
  ///
  /// A close writes one contiguous run of transactions on the closing date (anti-dilution
  /// adjustments, conversions into the new class, the investors' shares, the authorization
  /// and pool increase) and adds the class and its conversion sub-series (`Series A-1`, …):
  /// the classes are found by name, the run by kind from the first transaction into them.
  public func beforeClosingInferred(of round: SavedRound) -> Ledger? {
    let className = round.terms.newClass.name.lowercased()
    guard classes.contains(where: { $0.name.lowercased() == className }) else { return nil }
    // The round class and the sub-series its SAFEs and notes converted into (`<class>-<n>`).
    func madeByClose(_ name: String) -> Bool {
      let name = name.lowercased()
      guard name != className else { return true }
      guard name.hasPrefix(className + "-") else { return false }
      let suffix = name.dropFirst(className.count + 1)
      return !suffix.isEmpty && suffix.allSatisfy(\.isNumber)
    }
    let closeClasses = Set(classes.filter { madeByClose($0.name) }.map(\.id))
    func intoClass(_ event: LedgerEvent) -> Bool {
      guard
        let shareClass = event.payload(as: Conversion.self)?.shareClass
          ?? event.payload(as: StockIssuance.self)?.shareClass
      else { return false }
      return closeClasses.contains(shareClass)
    }
    guard let first = transactions.first(where: { intoClass($0.event) }) else { return nil }
    let bySequence = Dictionary(
      transactions.map { ($0.sequence, $0) }, uniquingKeysWith: { a, _ in a })
    var start = first.sequence
    while let previous = bySequence[start - 1], previous.date == first.date,
      case .adjustConversionPrice = previous.event
    {
      start -= 1
    }
    let alsoPartOfClose: Set<LedgerEvent.Kind> = [.authorize, .poolIncrease, .computeGrant]
    func partOfClose(_ event: LedgerEvent) -> Bool {
      alsoPartOfClose.contains(event.kind) || intoClass(event)
    }
    var end = first.sequence
    while let next = bySequence[end + 1], next.date == first.date, partOfClose(next.event) {
      end += 1
    }
    return without(sequences: [start...end], classes: closeClasses)
  }
}
