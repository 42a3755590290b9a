extension CapTable {
  /// Applies one transaction, validating it against the state so far.
  mutating func apply(_ transaction: Transaction) throws(LedgerError) {
    try apply(transaction.event, on: transaction.date)
  }

  /// Applies one dated event, validating it against the state so far.
  mutating func apply(_ event: LedgerEvent, on date: CalendarDate) throws(LedgerError) {
    if date < company.incorporated {
      throw .beforeIncorporation(
        date: date, incorporated: company.incorporated, company: company.name)
    }
    try event.apply(to: &self, on: date)
  }

  /// Adds a plan's reserve to the snapshot on its adoption date.
  mutating func adopt(_ plan: StockPlan) throws(LedgerError) {
    guard let state = classes[plan.shareClass] else {
      throw .unknownClass(plan.shareClass.rawValue)
    }
    try requireRoom(in: state, for: plan.initialReserve)
    plans[plan.id] = PlanState(definition: plan)
  }

  // MARK: - Checks

  func requireHolder(_ id: Stakeholder.ID) throws(LedgerError) {
    guard stakeholders.index(forKey: id) != nil else { throw .unknownStakeholder(id.rawValue) }
  }

  func requireClass(_ id: ShareClass.ID) throws(LedgerError) -> ClassState {
    guard let state = classes[id] else { throw .unknownClass(id.rawValue) }
    return state
  }

  func requirePlan(_ id: StockPlan.ID) throws(LedgerError) -> PlanState {
    guard let state = plans[id] else { throw .unknownPlan(id.rawValue) }
    return state
  }

  func requirePositive(_ quantity: Shares, _ what: @autoclosure () -> String) throws(LedgerError) {
    guard quantity > .zero else { throw .nonPositiveQuantity(what: what(), quantity: quantity) }
  }

  /// Marks a new security id as used, refusing one used before. (A failed replay is thrown
  /// away whole, so marking before the rest of the checks is safe.)
  mutating func claim(_ id: SecurityID) throws(LedgerError) {
    guard !stock.knows(id), !options.knows(id), otherSecurityIDs.insert(id).inserted else {
      throw .duplicateSecurity(id)
    }
  }

  /// `claim(_:)` for the id of a stock security (remembered by the stock table).
  mutating func claimStock(_ id: SecurityID) throws(LedgerError) {
    guard !options.knows(id), otherSecurityIDs.isEmpty || !otherSecurityIDs.contains(id),
      stock.claim(id)
    else { throw .duplicateSecurity(id) }
  }

  /// `claim(_:)` for the id of an option grant (remembered by the option table).
  mutating func claimGrant(_ id: SecurityID) throws(LedgerError) {
    guard !stock.knows(id), otherSecurityIDs.isEmpty || !otherSecurityIDs.contains(id),
      options.claim(id)
    else { throw .duplicateSecurity(id) }
  }

  /// Shares reserved by the pools of the plans on a class.
  public func reserved(for shareClass: ShareClass.ID) -> Shares {
    var total = Shares.zero
    for plan in plans.values where plan.shareClass == shareClass { total += plan.reserved }
    for warrant in warrants.values where warrant.issuance.shareClass == shareClass {
      total += warrant.outstanding
    }
    return total
  }

  /// The charter amendment needed before `requested` more shares of a class can be issued or
  /// reserved (a new total of exactly what is then committed), or nil when they already fit.
  public func authorization(
    for shareClass: ShareClass.ID, adding requested: Shares
  ) -> SharesAuthorization? {
    guard let state = classes[shareClass] else { return nil }
    let needed = state.outstanding + reserved(for: shareClass) + requested
    return needed > state.authorized
      ? SharesAuthorization(shareClass: shareClass, newTotal: needed) : nil
  }

  /// Checks that `requested` more shares fit under the class's authorized shares,
  /// counting what is issued and what plans reserve.
  func requireRoom(in state: ClassState, for requested: Shares) throws(LedgerError) {
    let reserved = reserved(for: state.definition.id)
    let committed: Shares
    do throws(ValueError) {
      committed = try state.outstanding.adding(reserved).adding(requested)
    } catch {
      throw .value(error)
    }
    guard committed <= state.authorized else {
      throw .exceedsAuthorized(
        className: state.definition.name, authorized: state.authorized,
        outstanding: state.outstanding, reserved: reserved, requested: requested)
    }
  }

  func openStock(_ id: SecurityID, on date: CalendarDate) throws(LedgerError) -> StockPosition {
    if let position = stock[id] { return position }
    if options[id] != nil {
      throw .wrongSecurityKind(id, expected: "stock (options cannot be transferred or repurchased)")
    }
    throw .unknownSecurity(id, date: date)
  }

  // MARK: - Events

  mutating func issue(_ issuance: StockIssuance, on date: CalendarDate) throws(LedgerError) {
    try requireHolder(issuance.holder)
    let state = try requireClass(issuance.shareClass)
    try requirePositive(issuance.quantity, "issuance \(issuance.security)")
    guard !issuance.pricePerShare.isNegative else {
      throw .negativePrice(what: "issuance \(issuance.security)")
    }
    try claimStock(issuance.security)
    let terms = try checkedTerms(
      issuance.vestingTermsReference, issuance.security, issuance.quantity)
    try requireRoom(in: state, for: issuance.quantity)
    classes.update(issuance.shareClass) { $0.outstanding += issuance.quantity }
    addStock(
      StockPosition(
        security: issuance.security, holder: issuance.holder, shareClass: issuance.shareClass,
        quantity: issuance.quantity, pricePerShare: issuance.pricePerShare, date: date,
        vesting: issuance.vesting, termsReference: terms))
  }

  mutating func addStock(_ position: StockPosition) {
    stock[position.security] = position
  }

  mutating func grantOptions(_ grant: OptionGrant, on date: CalendarDate) throws(LedgerError) {
    try requireHolder(grant.holder)
    let plan = try requirePlan(grant.plan)
    try requirePositive(grant.quantity, "grant \(grant.security)")
    guard !grant.strike.isNegative else { throw .negativePrice(what: "grant \(grant.security)") }
    try claimGrant(grant.security)
    let terms = try checkedTerms(grant.vestingTermsReference, grant.security, grant.quantity)
    guard grant.quantity <= plan.available else {
      throw .exceedsPool(
        plan: plan.definition.name, available: plan.available, requested: grant.quantity)
    }
    plans.update(grant.plan) { $0.available -= grant.quantity }
    plans.update(grant.plan) { $0.optionsOutstanding += grant.quantity }
    options[grant.security] = OptionPosition(
      security: grant.security, holder: grant.holder, plan: grant.plan, granted: grant.quantity,
      exercised: .zero, cancelled: .zero, strike: grant.strike, date: date, vesting: grant.vesting,
      expires: grant.expires, termsReference: terms)
  }

  mutating func exercise(_ exercise: Exercise, on date: CalendarDate) throws(LedgerError) {
    guard let grant = options[exercise.grant] else {
      if let warrant = warrants[exercise.grant] {
        return try exerciseWarrant(warrant, exercise, on: date)
      }
      if stock[exercise.grant] != nil {
        throw .wrongSecurityKind(exercise.grant, expected: "an option grant or a warrant")
      }
      throw .unknownSecurity(exercise.grant, date: date)
    }
    try requirePositive(exercise.quantity, "exercise of \(exercise.grant)")
    if let expires = grant.expires, date > expires {
      throw .expired(grant: grant.security, expires: expires, date: date)
    }
    let exercisable = grant.exercisable(asOf: date)
    guard exercise.quantity <= exercisable else {
      throw .exceedsVested(
        grant: grant.security, holder: name(of: grant.holder), exercisable: exercisable,
        requested: exercise.quantity, date: date)
    }
    try claimStock(exercise.resultingSecurity)
    let plan = try requirePlan(grant.plan)
    options.update(exercise.grant) { $0.exercised += exercise.quantity }
    plans.update(grant.plan) { $0.optionsOutstanding -= exercise.quantity }
    plans.update(grant.plan) { $0.exercised += exercise.quantity }
    try issueExercisedStock(
      exercise,
      own: StockPosition(
        security: exercise.resultingSecurity, holder: grant.holder,
        shareClass: plan.definition.shareClass, quantity: exercise.quantity,
        pricePerShare: grant.strike, date: date, vesting: nil))
  }

  mutating func transfer(_ transfer: Transfer, on date: CalendarDate) throws(LedgerError) {
    let source = try openStock(transfer.security, on: date)
    try requireHolder(transfer.to)
    try requirePositive(transfer.quantity, "transfer of \(transfer.security)")
    guard transfer.to != source.holder else {
      throw .transferToSelf(source.security, holder: name(of: source.holder))
    }
    try takeFrom(source, transfer.quantity, balance: transfer.balanceSecurity, on: date)
    try claimStock(transfer.resultingSecurity)
    addStock(
      StockPosition(
        security: transfer.resultingSecurity, holder: transfer.to, shareClass: source.shareClass,
        quantity: transfer.quantity, pricePerShare: source.pricePerShare, date: date,
        restriction: source.restriction))
  }

  /// Closes `source`, leaving `quantity` fewer shares in a balance security when partial.
  mutating func takeFrom(
    _ source: StockPosition, _ quantity: Shares, balance: SecurityID?, on date: CalendarDate
  ) throws(LedgerError) {
    guard quantity <= source.quantity else {
      throw .exceedsHeld(
        security: source.security, holder: name(of: source.holder), held: source.quantity,
        requested: quantity)
    }
    stock[source.security] = nil
    let remaining = source.quantity - quantity
    guard remaining > .zero else { return }
    guard let balance else {
      throw .invariant("a partial action on \(source.security) needs a balance security id")
    }
    try claimStock(balance)
    addStock(
      StockPosition(
        security: balance, holder: source.holder, shareClass: source.shareClass,
        quantity: remaining, pricePerShare: source.pricePerShare, date: date,
        restriction: source.restriction))
  }

  mutating func cancel(_ cancellation: Cancellation, on date: CalendarDate) throws(LedgerError) {
    try requirePositive(cancellation.quantity, "cancellation of \(cancellation.security)")
    if let grant = options[cancellation.security] {
      guard cancellation.quantity <= grant.outstanding else {
        throw .exceedsHeld(
          security: grant.security, holder: name(of: grant.holder), held: grant.outstanding,
          requested: cancellation.quantity)
      }
      let plan = try requirePlan(grant.plan)
      options.update(grant.security) { $0.cancelled += cancellation.quantity }
      plans.update(grant.plan) { $0.optionsOutstanding -= cancellation.quantity }
      if plan.definition.cancellationBehavior == .returnToPool {
        plans.update(grant.plan) { $0.available += cancellation.quantity }
      }
      return
    }
    if try cancelConvertibleOrWarrant(cancellation) { return }
    let source = try openStock(cancellation.security, on: date)
    try takeFrom(source, cancellation.quantity, balance: cancellation.balanceSecurity, on: date)
    classes.update(source.shareClass) { $0.outstanding -= cancellation.quantity }
  }

  mutating func repurchase(_ repurchase: Repurchase, on date: CalendarDate) throws(LedgerError) {
    let source = try openStock(repurchase.security, on: date)
    try requirePositive(repurchase.quantity, "repurchase of \(repurchase.security)")
    guard !repurchase.pricePerShare.isNegative else {
      throw .negativePrice(what: "repurchase of \(repurchase.security)")
    }
    try takeFrom(source, repurchase.quantity, balance: repurchase.balanceSecurity, on: date)
    classes.update(source.shareClass) { $0.outstanding -= repurchase.quantity }
  }

  mutating func authorize(_ authorization: SharesAuthorization) throws(LedgerError) {
    let state = try requireClass(authorization.shareClass)
    let reserved = reserved(for: authorization.shareClass)
    guard authorization.newTotal >= state.outstanding + reserved else {
      throw .authorizedBelowCommitted(
        className: state.definition.name, newTotal: authorization.newTotal,
        outstanding: state.outstanding, reserved: reserved)
    }
    classes.update(authorization.shareClass) { $0.authorized = authorization.newTotal }
  }

  mutating func increasePool(_ increase: PoolIncrease) throws(LedgerError) {
    let plan = try requirePlan(increase.plan)
    try requirePositive(increase.quantity, "pool increase of \(plan.definition.name)")
    let state = try requireClass(plan.definition.shareClass)
    try requireRoom(in: state, for: increase.quantity)
    plans.update(increase.plan) { $0.available += increase.quantity }
  }
}

extension Dictionary {
  /// Changes the value for `key` in place when present, hashing once (optional chaining through
  /// the subscript allocates a coroutine frame on every call, which replay cannot afford).
  @inline(__always)
  mutating func update(_ key: Key, _ change: (inout Value) -> Void) {
    guard let index = index(forKey: key) else { return }
    change(&values[index])
  }

  /// Changes every value in place, without copying the dictionary.
  mutating func updateEach(_ change: (inout Value) -> Void) {
    var index = startIndex
    while index != endIndex {
      change(&values[index])
      formIndex(after: &index)
    }
  }
}
