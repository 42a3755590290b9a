import CapstanModel

extension SyntheticGenerator {
  /// Moves part of a random stock security (or all of it) to another holder.
  mutating func transfer() -> Bool {
    guard !stock.isEmpty else { return false }
    let index = random.below(stock.count)
    let source = stock[index]
    let quantity = removedQuantity(of: source.quantity)
    let to = randomHolder(other: source.holder)
    let (resulting, balance) = newSecurities(for: source, removing: quantity)
    emit(
      .transfer(
        Transfer(
          security: source.security, to: holders[to], quantity: Shares(quantity),
          resultingSecurity: resulting, balanceSecurity: balance?.security)))
    replace(at: index, with: balance)
    stock.append(
      OpenStock(security: resulting, holder: to, preferred: source.preferred, quantity: quantity))
    return true
  }

  /// Cancels options (three times in five) or stock.
  mutating func cancel() -> Bool {
    if !grants.isEmpty, random.chance(600) {
      let index = random.below(grants.count)
      let outstanding = grants[index].outstanding
      let quantity = random.chance(500) ? outstanding : removedQuantity(of: outstanding)
      cancelOptions(at: index, quantity: quantity, reason: "forfeited on termination")
      return true
    }
    return removeStock { source, quantity, balance in
      .cancel(
        Cancellation(
          security: source.security, quantity: Shares(quantity), balanceSecurity: balance,
          reason: "correction"))
    }
  }

  /// Buys back part of a random stock security, or all of it.
  mutating func repurchase() -> Bool {
    let price = price(1, 500)
    return removeStock { source, quantity, balance in
      .repurchase(
        Repurchase(
          security: source.security, quantity: Shares(quantity), pricePerShare: price,
          balanceSecurity: balance))
    }
  }

  /// Takes shares of a random stock security out of the company (cancellation, repurchase).
  mutating func removeStock(
    _ event: (OpenStock, Int64, SecurityID?) -> LedgerEvent
  ) -> Bool {
    guard !stock.isEmpty else { return false }
    let index = random.below(stock.count)
    let source = stock[index]
    let quantity = removedQuantity(of: source.quantity)
    let balance =
      quantity < source.quantity
      ? OpenStock(
        security: newSecurity(source.preferred ? "PS" : "CS"), holder: source.holder,
        preferred: source.preferred, quantity: source.quantity - quantity) : nil
    emit(event(source, quantity, balance?.security))
    replace(at: index, with: balance)
    if source.preferred {
      preferred.outstanding -= quantity
    } else {
      common.outstanding -= quantity
    }
    return true
  }

  /// All of `held` one time in five, otherwise part of it (when there is more than one).
  mutating func removedQuantity(of held: Int64) -> Int64 {
    guard held > 1, random.chance(800) else { return held }
    return Int64(random.int(in: 1...Int(held - 1)))
  }

  /// Ids for a transfer: the transferee's security, then the balance security when partial.
  mutating func newSecurities(
    for source: OpenStock, removing quantity: Int64
  ) -> (SecurityID, OpenStock?) {
    let prefix = source.preferred ? "PS" : "CS"
    let resulting = newSecurity(prefix)
    guard quantity < source.quantity else { return (resulting, nil) }
    let balance = OpenStock(
      security: newSecurity(prefix), holder: source.holder, preferred: source.preferred,
      quantity: source.quantity - quantity)
    return (resulting, balance)
  }

  /// Closes the security at `index`, leaving its balance security in its place if any.
  mutating func replace(at index: Int, with balance: OpenStock?) {
    if let balance {
      stock[index] = balance
    } else {
      stock.swapAt(index, stock.count - 1)
      stock.removeLast()
    }
  }

  /// A forward split of common: every common security, grant, the pool and the authorized
  /// shares are multiplied (an integer ratio, so nothing is rounded away).
  mutating func splitCommon(by ratio: Int64) {
    emit(.split(StockSplit(shareClass: SyntheticCompany.common.id, ratio: Ratio(ratio))))
    for index in stock.indices where !stock[index].preferred { stock[index].quantity *= ratio }
    for index in grants.indices {
      grants[index].granted *= ratio
      grants[index].exercised *= ratio
      grants[index].cancelled *= ratio
    }
    common.authorized *= ratio
    common.outstanding *= ratio
    poolAvailable *= ratio
    poolOutstanding *= ratio
  }
}
