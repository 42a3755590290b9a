import CapstanModel

/// What the stock issuances a transaction results in say, when they disagree with it.
extension OCFMapper {
  /// Warns for each resulting security whose TX_STOCK_ISSUANCE is dated before the transaction
  /// that creates it (the ledger records it on the transaction's date).
  mutating func resultsDatedEarlier(_ ids: [String], item: Item, on date: CalendarDate) {
    for id in ids {
      guard let issued = stockIssuance(id), issued.item.tx.date < date else { continue }
      warn(
        item.file, item.tx.id,
        "its resulting security \(id) is issued on \(issued.item.tx.date) in the package "
          + "(\(issued.item.tx.id)), before it, on \(date); recorded on \(date)")
    }
  }

  /// Warns when the exercise's resulting security is not in the package (the stock is recorded
  /// as the exercise creates it), or when its TX_STOCK_ISSUANCE disagrees with the exercise or
  /// the grant (holder, class, quantity, price), naming both ids and what was kept.
  mutating func exerciseResult(_ exercise: Exercise, item: Item) {
    let resulting = exercise.resultingSecurity.rawValue
    let grant = grant(exercise.grant.rawValue)
    guard let issued = stockIssuance(resulting) else {
      warn(
        item.file, item.tx.id,
        "the resulting security \(resulting) is not in the package: recorded as the exercise "
          + "creates it, \(exercise.quantity) shares of the plan's class to the grant's holder "
          + "at the strike")
      return
    }
    var differences: [String] = []
    if issued.value.quantity.value != exercise.quantity.ratio {
      differences.append(
        "quantity \(issued.value.quantity.value.decimalString(places: 0)) (exercise "
          + "\(exercise.quantity))")
    }
    if let grant {
      if issued.value.stakeholderId != grant.value.stakeholderId {
        differences.append(
          "holder \(issued.value.stakeholderId) (grant \(grant.value.stakeholderId))")
      }
      let grantClass =
        grant.value.stockPlanId.flatMap { self.planClass[$0] } ?? grant.value.stockClassId
      if let grantClass, issued.value.stockClassId != grantClass {
        differences.append("class \(issued.value.stockClassId) (grant \(grantClass))")
      }
      if let price = issued.value.sharePrice?.amount.value,
        let strike = grant.value.exercisePrice?.amount.value, price != strike
      {
        differences.append(
          "price \(price.decimalString(places: 4)) (strike \(strike.decimalString(places: 4)))")
      }
    }
    guard !differences.isEmpty else { return }
    warn(
      item.file, item.tx.id,
      "its resulting issuance \(issued.item.tx.id) (\(resulting)) records "
        + differences.joined(separator: ", ")
        + "; the exercise's quantity, the grant's holder and class and the strike are kept")
  }
}
