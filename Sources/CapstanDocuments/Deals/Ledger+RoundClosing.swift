import CapstanModel

extension Ledger {
  /// The ledger as it stood just before `round` was closed, or nil when it has not been.
  ///
  /// A close writes one contiguous run of transactions on the closing date (anti-dilution
  /// adjustments, conversions into the new class, the investors' shares, the authorization
  /// and pool increase) and adds the class and its conversion sub-series (`Series A-1`, …).
  /// Taking the run and the classes out gives back the
  /// capitalization the round was modelled on, so a closed round's term sheet shows the same
  /// numbers as before the close.
  public func beforeClosing(of round: SavedRound) -> Ledger? {
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
    return Ledger(
      company: company, stakeholders: Array(stakeholders.values),
      classes: classes.filter { !closeClasses.contains($0.id) }, plans: plans,
      transactions: transactions.filter { $0.sequence < start || $0.sequence > end })
  }
}
