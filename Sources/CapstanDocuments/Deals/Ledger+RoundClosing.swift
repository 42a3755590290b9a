import CapstanModel

extension Ledger {
  /// The ledger as it stood just before `round` was closed, or nil when it has not been.
  ///
  /// A close writes one contiguous run of transactions on the closing date (anti-dilution
  /// adjustments, conversions into the new class, the investors' shares, the authorization
  /// and pool increase) and adds the class. Taking the run and the class out gives back the
  /// capitalization the round was modelled on, so a closed round's term sheet shows the same
  /// numbers as before the close.
  public func beforeClosing(of round: SavedRound) -> Ledger? {
    let className = round.terms.newClass.name.lowercased()
    guard let shareClass = classes.first(where: { $0.name.lowercased() == className }) else {
      return nil
    }
    func intoClass(_ event: LedgerEvent) -> Bool {
      switch event {
      case .convert(let conversion): conversion.shareClass == shareClass.id
      case .issueStock(let issuance): issuance.shareClass == shareClass.id
      default: false
      }
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
    func partOfClose(_ event: LedgerEvent) -> Bool {
      switch event {
      case .convert, .issueStock: intoClass(event)
      case .authorizeShares, .increasePool, .grantCompute: true
      default: false
      }
    }
    var end = first.sequence
    while let next = bySequence[end + 1], next.date == first.date, partOfClose(next.event) {
      end += 1
    }
    return Ledger(
      company: company, stakeholders: Array(stakeholders.values),
      classes: classes.filter { $0.id != shareClass.id }, plans: plans,
      transactions: transactions.filter { $0.sequence < start || $0.sequence > end })
  }
}
