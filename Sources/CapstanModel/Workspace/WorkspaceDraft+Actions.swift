/// The actions a person takes on a cap table, by name: each resolves names to ids, assigns new
/// security ids, and appends one validated transaction.
extension WorkspaceDraft {
  /// The stakeholder with this name (`Stakeholder.named(_:in:)`: exact, else case-insensitive).
  public func stakeholder(named name: String) throws(LedgerError) -> Stakeholder {
    guard let found = Stakeholder.named(name, in: stakeholders) else {
      throw .unknownStakeholder(name.trimmingSpaces)
    }
    return found
  }

  /// Stock: `CS` for common, `PS` for preferred; options: `OP`.
  static func stockPrefix(_ shareClass: ShareClass?) -> String {
    shareClass?.kind == .preferred ? "PS" : "CS"
  }

  /// Issues stock of a class to a holder; `vestingTerms`, when given, are stored as a plain
  /// schedule when they are one, else as richer terms.
  @discardableResult
  public mutating func issueStock(
    to holder: String, quantity: Shares, className: String, pricePerShare: Ratio,
    date: CalendarDate, vesting: VestingSchedule?, company: Company.ID,
    vestingTerms: VestingTerms? = nil
  ) throws -> Transaction {
    let ledger = try ledger(for: company)
    let shareClass = try ledger.shareClass(named: className)
    let (plain, rich) = Self.storedVesting(vesting, vestingTerms)
    let issuance = StockIssuance(
      security: ledger.nextSecurityID(prefix: Self.stockPrefix(shareClass)),
      holder: try stakeholder(named: holder).id, shareClass: shareClass.id, quantity: quantity,
      pricePerShare: pricePerShare, vesting: plain, vestingTerms: rich)
    return try append([(date, .issueStock(issuance))], to: company)[0]
  }

  /// Grants options from a plan; `vestingTerms`, when given, are stored as a plain schedule
  /// when they are one, else as richer terms.
  @discardableResult
  public mutating func grantOptions(
    to holder: String, quantity: Shares, planName: String, strike: Ratio, date: CalendarDate,
    vesting: VestingSchedule?, expires: CalendarDate?, company: Company.ID,
    vestingTerms: VestingTerms? = nil
  ) throws -> Transaction {
    let ledger = try ledger(for: company)
    let plan = try ledger.plan(named: planName)
    let (plain, rich) = Self.storedVesting(vesting, vestingTerms)
    let grant = OptionGrant(
      security: ledger.nextSecurityID(prefix: "OP"), holder: try stakeholder(named: holder).id,
      plan: plan.id, quantity: quantity, strike: strike, vesting: plain, expires: expires,
      vestingTerms: rich)
    return try append([(date, .grantOptions(grant))], to: company)[0]
  }

  /// Exercises options of a grant into stock of the plan's class, or part of a warrant into
  /// stock of the warrant's class.
  @discardableResult
  public mutating func exercise(
    grant: SecurityID, quantity: Shares, date: CalendarDate, company: Company.ID
  ) throws -> Transaction {
    let ledger = try ledger(for: company)
    let table = try ledger.replay(asOf: date)
    let planClass =
      table.options[grant].flatMap { table.plans[$0.plan]?.definition.shareClass }
      ?? table.warrants[grant]?.issuance.shareClass
    let prefix = Self.stockPrefix(ledger.classes.first { $0.id == planClass })
    let exercise = Exercise(
      grant: grant, quantity: quantity, resultingSecurity: ledger.nextSecurityID(prefix: prefix))
    return try append([(date, .exercise(exercise))], to: company)[0]
  }

  /// Transfers stock to another holder; a partial transfer leaves a balance security.
  @discardableResult
  public mutating func transfer(
    security: SecurityID, to holder: String, quantity: Shares, date: CalendarDate,
    company: Company.ID
  ) throws -> Transaction {
    let ledger = try ledger(for: company)
    let (resulting, balance) = try newSecurities(from: security, removing: quantity, ledger, date)
    let transfer = Transfer(
      security: security, to: try stakeholder(named: holder).id, quantity: quantity,
      resultingSecurity: resulting, balanceSecurity: balance)
    return try append([(date, .transfer(transfer))], to: company)[0]
  }

  /// Cancels stock or options, all that is left when `quantity` is nil.
  @discardableResult
  public mutating func cancel(
    security: SecurityID, quantity: Shares?, reason: String?, date: CalendarDate,
    company: Company.ID
  ) throws -> Transaction {
    let ledger = try ledger(for: company)
    let table = try ledger.replay(asOf: date)
    // A SAFE or note is cancelled whole; its cancellation records a quantity of 1.
    let held =
      table.stock[security]?.quantity ?? table.options[security]?.outstanding
      ?? table.warrants[security]?.outstanding
      ?? table.convertibles[security].map { _ in Shares(1) }
    guard let held else { throw LedgerError.unknownSecurity(security, date: date) }
    let amount = quantity ?? held
    var balance: SecurityID?
    if table.stock[security] != nil {
      balance = try balanceSecurity(from: security, removing: amount, ledger, date)
    }
    let cancellation = Cancellation(
      security: security, quantity: amount, balanceSecurity: balance, reason: reason)
    return try append([(date, .cancel(cancellation))], to: company)[0]
  }

  /// Repurchases stock at a price; a partial repurchase leaves a balance security.
  @discardableResult
  public mutating func repurchase(
    security: SecurityID, quantity: Shares, pricePerShare: Ratio, date: CalendarDate,
    company: Company.ID
  ) throws -> Transaction {
    let ledger = try ledger(for: company)
    let balance = try balanceSecurity(from: security, removing: quantity, ledger, date)
    let repurchase = Repurchase(
      security: security, quantity: quantity, pricePerShare: pricePerShare, balanceSecurity: balance
    )
    return try append([(date, .repurchase(repurchase))], to: company)[0]
  }

  /// Splits a class by `ratio` new shares per old share.
  @discardableResult
  public mutating func split(
    className: String, ratio: Ratio, date: CalendarDate, company: Company.ID
  ) throws -> Transaction {
    let shareClass = try ledger(for: company).shareClass(named: className)
    return try append(
      [(date, .split(StockSplit(shareClass: shareClass.id, ratio: ratio)))], to: company)[0]
  }

  /// Sets a class's authorized shares to `newTotal`, or raises them by `increase`.
  @discardableResult
  public mutating func authorize(
    className: String, newTotal: Shares?, increase: Shares?, date: CalendarDate, company: Company.ID
  ) throws -> Transaction {
    let ledger = try ledger(for: company)
    let shareClass = try ledger.shareClass(named: className)
    var total = newTotal ?? .zero
    if let increase {
      let current = try ledger.replay(asOf: date).classes[shareClass.id]?.authorized ?? .zero
      total = try current.adding(increase)
    }
    let event = LedgerEvent.authorizeShares(
      SharesAuthorization(shareClass: shareClass.id, newTotal: total))
    return try append([(date, event)], to: company)[0]
  }

  /// Reserves more shares for a plan's pool.
  @discardableResult
  public mutating func increasePool(
    planName: String, quantity: Shares, date: CalendarDate, company: Company.ID
  ) throws -> Transaction {
    let plan = try ledger(for: company).plan(named: planName)
    return try append(
      [(date, .increasePool(PoolIncrease(plan: plan.id, quantity: quantity)))], to: company)[0]
  }

  /// The id of the balance security a partial cancellation or repurchase leaves, if partial.
  func balanceSecurity(
    from security: SecurityID, removing quantity: Shares, _ ledger: Ledger, _ date: CalendarDate
  ) throws -> SecurityID? {
    let ids = try newSecurities(from: security, removing: quantity, ledger, date)
    return ids.balance == nil ? nil : ids.resulting
  }

  /// Ids for what a transfer creates: the new holder's security and,
  /// when partial, the balance security.
  func newSecurities(
    from security: SecurityID, removing quantity: Shares, _ ledger: Ledger, _ date: CalendarDate
  ) throws -> (resulting: SecurityID, balance: SecurityID?) {
    let table = try ledger.replay(asOf: date)
    guard let position = table.stock[security] else {
      if table.options[security] != nil {
        throw LedgerError.wrongSecurityKind(
          security, expected: "stock (options cannot be transferred or repurchased)")
      }
      throw LedgerError.unknownSecurity(security, date: date)
    }
    let prefix = Self.stockPrefix(ledger.classes.first { $0.id == position.shareClass })
    let first = ledger.nextSecurityID(prefix: prefix)
    guard quantity > Shares.zero, quantity < position.quantity else { return (first, nil) }
    let number = Int(first.rawValue.dropFirst(prefix.count + 1)) ?? 0
    return (first, SecurityID("\(prefix)-\(number + 1)"))
  }
}

extension Ledger {
  /// The class with this name (case-insensitive).
  public func shareClass(named name: String) throws(LedgerError) -> ShareClass {
    let wanted = name.trimmingSpaces
    if let exact = classes.first(where: { $0.name == wanted }) { return exact }
    if let loose = classes.first(where: { $0.name.lowercased() == wanted.lowercased() }) {
      return loose
    }
    throw .unknownClass(wanted)
  }

  /// The plan with this name (case-insensitive).
  public func plan(named name: String) throws(LedgerError) -> StockPlan {
    let wanted = name.trimmingSpaces
    if let exact = plans.first(where: { $0.name == wanted }) { return exact }
    if let loose = plans.first(where: { $0.name.lowercased() == wanted.lowercased() }) {
      return loose
    }
    throw .unknownPlan(wanted)
  }
}
