import CapstanModel

extension OCFMapper {
  /// A TX_WARRANT_EXERCISE (or an exercise of any type naming a warrant): the warrant's exercise
  /// into its first resulting stock issuance, which it absorbs.
  ///
  /// OCF 1.2 gives a warrant exercise no `quantity`: the shares exercised are those of the
  /// stock issued (a `quantity`, when an exporter writes one, wins). The stock is issued at the
  /// warrant's exercise price, to the warrant's holder, in the warrant's class, unless the
  /// resulting issuance records another holder, class, quantity or price: then the issuance's
  /// stand (`Exercise.issuedStock`), with a warning; an exercise of a warrant that could not be
  /// mapped imports its stock as a plain issuance, with a warning.
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
    let warrant = warrantIssuances[m.securityId]
    let warrantClass =
      warrant?.stockClassId
      ?? warrant?.exerciseTriggers?.compactMap { $0.conversionRight?.convertsToStockClassId }.first
    guard let warrant, let warrantClass, warrant.quantity != nil else {
      skip(item.tx.objectType)
      warn(
        item.file, item.tx.id,
        "the warrant \(m.securityId) is not mapped; its resulting stock is imported as an issuance")
      let events = try results.map { try LedgerEvent.issueStock(absorbedIssuance($0)) }
      return make(events, day, [], creates)
    }
    let stock = first.value
    let issuedQuantity = try shares(stock.quantity, first.item, "quantity")
    let quantity = m.quantity != nil ? try shares(m.quantity, item, "quantity") : issuedQuantity
    let strike = warrant.exercisePrice?.amount.value ?? .zero
    var differences: [String] = []
    if issuedQuantity != quantity {
      differences.append("quantity \(issuedQuantity) (exercise \(quantity))")
    }
    if stock.stakeholderId != warrant.stakeholderId {
      differences.append("holder \(stock.stakeholderId) (warrant \(warrant.stakeholderId))")
    }
    if stock.stockClassId != warrantClass {
      differences.append("class \(stock.stockClassId) (warrant \(warrantClass))")
    }
    if let price = stock.sharePrice?.amount.value, price != strike {
      differences.append(
        "price \(price.decimalString(places: 10, minimumPlaces: 0)) (exercise price "
          + "\(strike.decimalString(places: 10, minimumPlaces: 0)))")
    }
    if results.count > 1 {
      warn(
        item.file, item.tx.id,
        "several resulting securities; the exercise is recorded as \(first.value.securityId)")
    }
    var event = Exercise(
      grant: SecurityID(m.securityId), quantity: quantity,
      resultingSecurity: SecurityID(first.value.securityId))
    event.customID = customID(stock.customId, stock.securityId)
    if !differences.isEmpty {
      warn(
        item.file, item.tx.id,
        "its resulting issuance \(first.item.tx.id) (\(stock.securityId)) records "
          + differences.joined(separator: ", ")
          + "; the issuance's holder, class, quantity and price are kept (the exercise uses "
          + "\(quantity) shares of warrant \(m.securityId))")
      event.issuedStock = ExercisedStock(
        holder: try stakeholder(stock.stakeholderId, first.item),
        shareClass: try shareClass(stock.stockClassId, first.item), quantity: issuedQuantity,
        pricePerShare: stock.sharePrice?.amount.value ?? strike)
    }
    return make([.exercise(event)], day, [m.securityId], creates)
  }
}
