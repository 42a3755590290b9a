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

  /// `strike` divided by the ratio of every TX_STOCK_CLASS_SPLIT of `shareClass` dated on or
  /// before `date` (as the ledger's split divides the strikes of the class's grants).
  func splitAdjusted(_ strike: Ratio, shareClass: String?, on date: CalendarDate) -> Ratio {
    guard let shareClass else { return strike }
    var adjusted = strike
    for item in (splitsAt[shareClass] ?? []).lazy.map({ self.transactions[$0] })
    where item.tx.date <= date {
      guard case .split(let change) = item.tx.kind, change.stockClassId == shareClass,
        let ratio = change.splitRatio, ratio.numerator.value > .zero,
        !ratio.denominator.value.isZero
      else { continue }
      adjusted = adjusted / (ratio.numerator.value / ratio.denominator.value)
    }
    return adjusted
  }

  /// The stock an exercise issues as its resulting TX_STOCK_ISSUANCE records it, when that
  /// disagrees with the exercise or the grant (holder, class, quantity, price), with a warning
  /// naming both ids, what the issuance records and what was kept; nil (the exercise issues its
  /// own stock) when they agree, or when the resulting security is not in the package (with a
  /// warning: the stock is recorded as the exercise creates it).
  mutating func exerciseResult(_ exercise: Exercise, item: Item) throws -> ExercisedStock? {
    let resulting = exercise.resultingSecurity.rawValue
    let grant = grant(exercise.grant.rawValue)
    guard let issued = stockIssuance(resulting) else {
      warn(
        item.file, item.tx.id,
        "the resulting security \(resulting) is not in the package: recorded as the exercise "
          + "creates it, \(exercise.quantity) shares of the plan's class to the grant's holder "
          + "at the strike")
      return nil
    }
    let stock = issued.value
    let quantity = try shares(stock.quantity, issued.item, "quantity")
    var differences: [String] = []
    if quantity != exercise.quantity {
      differences.append("quantity \(quantity) (exercise \(exercise.quantity))")
    }
    // OCF records a grant's exercise price as granted; a split of its class since divides it.
    let strike = splitAdjusted(
      grant?.value.exercisePrice?.amount.value ?? .zero,
      shareClass: grant.flatMap { $0.value.stockPlanId.flatMap { self.planClass[$0] } }
        ?? grant?.value.stockClassId,
      on: item.tx.date)
    if let grant {
      if stock.stakeholderId != grant.value.stakeholderId {
        differences.append("holder \(stock.stakeholderId) (grant \(grant.value.stakeholderId))")
      }
      let grantClass =
        grant.value.stockPlanId.flatMap { self.planClass[$0] } ?? grant.value.stockClassId
      if let grantClass, stock.stockClassId != grantClass {
        differences.append("class \(stock.stockClassId) (grant \(grantClass))")
      }
      if let price = stock.sharePrice?.amount.value, price != strike {
        differences.append(
          "price \(price.decimalString(places: 4)) (strike \(strike.decimalString(places: 4)))")
      }
    }
    guard !differences.isEmpty else { return nil }
    warn(
      item.file, item.tx.id,
      "its resulting issuance \(issued.item.tx.id) (\(resulting)) records "
        + differences.joined(separator: ", ")
        + "; the issuance's holder, class, quantity and price are kept (the exercise uses "
        + "\(exercise.quantity) options of \(exercise.grant))")
    return ExercisedStock(
      holder: try stakeholder(stock.stakeholderId, issued.item),
      shareClass: try shareClass(stock.stockClassId, issued.item), quantity: quantity,
      pricePerShare: stock.sharePrice?.amount.value ?? strike)
  }
}
