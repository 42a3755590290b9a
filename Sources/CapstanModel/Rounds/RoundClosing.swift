/// What closing a priced round writes, in plain values: the round engine computes it, the
/// draft turns it into one ledger step (`WorkspaceDraft.closeRound`).
public struct RoundClosing: Sendable, Hashable {
  /// One investor's new shares.
  public struct Purchase: Sendable, Hashable {
    /// The buyer: a stakeholder by id, or a new investor (created as an institution at
    /// closing, or the workspace's stakeholder of that name when another company holds it).
    public var investor: RoundParticipant
    /// Shares bought.
    public var shares: Shares

    /// A purchase.
    public init(investor: RoundParticipant, shares: Shares) {
      self.investor = investor
      self.shares = shares
    }
  }

  /// One SAFE's or note's conversion.
  public struct ConversionOrder: Sendable, Hashable {
    /// The converting security.
    public var security: SecurityID
    /// Shares it converts into.
    public var shares: Shares
    /// Its conversion price.
    public var price: Ratio
    /// The name of the sub-series it converts into (the YC "Safe Preferred Stock"), created at
    /// closing with the round class's terms and this price as original issue price,
    /// liquidation preference basis and conversion price; nil: the round class.
    public var subSeries: String?

    /// A conversion.
    public init(security: SecurityID, shares: Shares, price: Ratio, subSeries: String? = nil) {
      self.security = security
      self.shares = shares
      self.price = price
      self.subSeries = subSeries
    }
  }

  /// The closing date.
  public var date: CalendarDate
  /// The new class's terms.
  public var newClass: NewClassTerms
  /// The round price per share (the new class's original issue price).
  public var price: Ratio
  /// New-money (and pro rata) purchases.
  public var purchases: [Purchase]
  /// Conversions of SAFEs and notes.
  public var conversions: [ConversionOrder]
  /// Shares added to the option pool.
  public var poolIncrease: Shares
  /// Anti-dilution adjustments of protected classes.
  public var conversionPriceChanges: [ConversionPriceChange]
  /// Compute grants to record for token investors: the index of the investor's purchase in
  /// `purchases`, and its token terms.
  public var computeGrants: [TokenGrantOrder] = []

  /// A compute grant a closing records, linked to one purchase's new shares.
  public struct TokenGrantOrder: Sendable, Hashable {
    /// The index of the investor's purchase in `purchases`.
    public var purchase: Int
    /// The tokens paid.
    public var investment: TokenInvestment

    /// An order.
    public init(purchase: Int, investment: TokenInvestment) {
      self.purchase = purchase
      self.investment = investment
    }
  }

  /// A closing.
  public init(
    date: CalendarDate, newClass: NewClassTerms, price: Ratio, purchases: [Purchase],
    conversions: [ConversionOrder], poolIncrease: Shares,
    conversionPriceChanges: [ConversionPriceChange] = []
  ) {
    self.conversionPriceChanges = conversionPriceChanges
    self.date = date
    self.newClass = newClass
    self.price = price
    self.purchases = purchases
    self.conversions = conversions
    self.poolIncrease = poolIncrease
  }
}

extension WorkspaceDraft {
  /// Writes a round's closing as one step: the new preferred class (and a sub-series for each
  /// conversion that names one), the conversions of SAFEs and notes, the investors' shares, the pool increase (authorizing more shares of the
  /// pool's class when the charter does not cover it), all dated the closing date.
  @discardableResult
  public mutating func closeRound(_ closing: RoundClosing, company: Company.ID) throws
    -> [Transaction]
  {
    let newShares =
      closing.purchases.reduce(Shares.zero) { $0 + $1.shares }
      + closing.conversions.filter { $0.subSeries == nil }.reduce(Shares.zero) { $0 + $1.shares }
    let shareClass = try addClass(
      ShareClass(
        id: "new", name: closing.newClass.name, kind: .preferred, initialAuthorized: newShares,
        originalIssuePrice: closing.price, preference: closing.newClass.preference,
        antiDilution: closing.newClass.antiDilution),
      to: company)
    var subSeries: [SecurityID: ShareClass.ID] = [:]
    for conversion in closing.conversions {
      guard let name = conversion.subSeries else { continue }
      subSeries[conversion.security] =
        try addClass(
          ShareClass(
            id: "new", name: name, kind: .preferred, initialAuthorized: conversion.shares,
            originalIssuePrice: conversion.price, preference: closing.newClass.preference,
            antiDilution: closing.newClass.antiDilution),
          to: company
        ).id
    }
    var ledger = try ledger(for: company)
    var next = Int(ledger.nextSecurityID(prefix: "PS").rawValue.dropFirst(3)) ?? 1
    func newID() -> SecurityID {
      defer { next += 1 }
      return SecurityID("PS-\(next)")
    }
    var events: [(date: CalendarDate, event: LedgerEvent)] = closing.conversionPriceChanges.map {
      (closing.date, .adjustConversionPrice($0))
    }
    for conversion in closing.conversions {
      events.append(
        (
          closing.date,
          .convert(
            Conversion(
              security: conversion.security, resultingSecurity: newID(),
              shareClass: subSeries[conversion.security] ?? shareClass.id,
              quantity: conversion.shares, pricePerShare: conversion.price))
        ))
    }
    var purchaseSecurities: [Int: (security: SecurityID, shares: Shares)] = [:]
    for (index, purchase) in closing.purchases.enumerated() where purchase.shares > .zero {
      let security = newID()
      purchaseSecurities[index] = (security, purchase.shares)
      let holder: Stakeholder.ID
      switch purchase.investor.key {
      case .stakeholder(let id):
        holder = id
      case .newInvestor(let name):
        let existing = try? stakeholder(named: name)
        holder = try (existing ?? addStakeholder(name: name, kind: .institution)).id
      }
      events.append(
        (
          closing.date,
          .issueStock(
            StockIssuance(
              security: security, holder: holder, shareClass: shareClass.id,
              quantity: purchase.shares,
              pricePerShare: closing.price))
        ))
    }
    if closing.poolIncrease > .zero {
      ledger = try self.ledger(for: company)
      guard
        let plan = ledger.plans(asOf: closing.date).min(by: {
          ($0.adopted, $0.name) < ($1.adopted, $1.name)
        })
      else {
        throw LedgerError.unknownPlan(
          "(none: the round increases the pool; add one with capstan plan add)")
      }
      let table = try ledger.replay(asOf: closing.date)
      if let amendment = table.authorization(for: plan.shareClass, adding: closing.poolIncrease) {
        events.append((closing.date, .authorizeShares(amendment)))
      }
      events.append(
        (closing.date, .increasePool(PoolIncrease(plan: plan.id, quantity: closing.poolIncrease))))
    }
    var nextGrant =
      Int(try self.ledger(for: company).nextSecurityID(prefix: "CG").rawValue.dropFirst(3)) ?? 1
    for order in closing.computeGrants {
      guard let (security, shares) = purchaseSecurities[order.purchase] else { continue }
      events.append(
        (
          closing.date,
          try computeGrantEvent(
            order.investment.grantTerms(equity: security), date: closing.date, company: company,
            id: SecurityID("CG-\(nextGrant)"), equityShares: shares)
        ))
      nextGrant += 1
    }
    return try append(events, to: company)
  }
}
