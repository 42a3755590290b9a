import CapstanModel

extension OCFMapper {
  /// A TX_WARRANT_EXERCISE (or an exercise of any type naming a warrant): the warrant's exercise
  /// into its first resulting stock issuance, which it absorbs.
  ///
  /// OCF 1.2 gives a warrant exercise no `quantity`: the shares exercised are those of the
  /// stock issued (a `quantity`, when an exporter writes one, wins). The stock is issued at the
  /// warrant's exercise price, to the warrant's holder, in the warrant's class (the ledger's
  /// rule); an exercise of a warrant that could not be mapped imports its stock as a plain
  /// issuance, with a warning.
  mutating func warrantExercise(
    _ m: Tx.Movement, item: Item,
    make: ([LedgerEvent], CalendarDate?, [String], [String]) -> OCFPendingEntry
  ) throws -> OCFPendingEntry {
    let results = try (m.resultingSecurityIds ?? []).map { try issuance($0, item) }
    guard let first = results.first else {
      throw OCFError.malformed(
        file: item.file, item: item.tx.id, field: "resulting_security_ids",
        expected: "the stock issued")
    }
    let day = date(of: item, source: m.securityId)
    let creates = results.map(\.value.securityId)
    if unmappedWarrants.contains(m.securityId) {
      skip(item.tx.objectType)
      warn(
        item.file, item.tx.id,
        "the warrant \(m.securityId) is not mapped; its resulting stock is imported as an issuance")
      let events = try results.map { try LedgerEvent.issueStock(absorbedIssuance($0)) }
      return make(events, day, [], creates)
    }
    if results.count > 1 {
      warn(
        item.file, item.tx.id,
        "several resulting securities; the exercise is recorded as \(first.value.securityId)")
    }
    let quantity =
      m.quantity != nil
      ? try shares(m.quantity, item, "quantity")
      : try shares(first.value.quantity, first.item, "quantity")
    let event = Exercise(
      grant: SecurityID(m.securityId), quantity: quantity,
      resultingSecurity: SecurityID(first.value.securityId))
    return make([.exercise(event)], day, [m.securityId], creates)
  }
}
