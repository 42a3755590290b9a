extension CapTable {
  mutating func issueSAFE(_ safe: SAFEIssuance, on date: CalendarDate) throws(LedgerError) {
    try requireHolder(safe.holder)
    try requirePositiveAmount(safe.purchaseAmount, "SAFE \(safe.security)")
    try requireTerms(cap: safe.valuationCap, discount: safe.discount, safe.security)
    try claim(safe.security)
    convertibles[safe.security] = .safe(safe, issued: date)
  }

  mutating func issueNote(_ note: NoteIssuance, on date: CalendarDate) throws(LedgerError) {
    try requireHolder(note.holder)
    try requirePositiveAmount(note.principal, "note \(note.security)")
    guard !note.rate.isNegative else {
      throw .negativePrice(what: "interest rate of note \(note.security)")
    }
    try requireTerms(cap: note.valuationCap, discount: note.discount, note.security)
    if let maturity = note.maturity, maturity < date {
      throw .invalidTerms(note.security, "matures on \(maturity), before it is issued on \(date)")
    }
    try claim(note.security)
    convertibles[note.security] = .note(note, issued: date)
  }

  mutating func issueWarrant(_ warrant: WarrantIssuance, on date: CalendarDate) throws(LedgerError)
  {
    try requireHolder(warrant.holder)
    let state = try requireClass(warrant.shareClass)
    try requirePositive(warrant.quantity, "warrant \(warrant.security)")
    guard !warrant.strike.isNegative else {
      throw .negativePrice(what: "warrant \(warrant.security)")
    }
    try claim(warrant.security)
    try requireRoom(in: state, for: warrant.quantity)
    warrants[warrant.security] = WarrantPosition(
      issuance: warrant, issued: date, outstanding: warrant.quantity)
  }

  /// Cancels a SAFE or note (whole) or warrants (in part); false when the security is neither.
  mutating func cancelConvertibleOrWarrant(_ cancellation: Cancellation) throws(LedgerError) -> Bool
  {
    if convertibles[cancellation.security] != nil {
      convertibles[cancellation.security] = nil
      return true
    }
    guard let warrant = warrants[cancellation.security] else { return false }
    guard cancellation.quantity <= warrant.outstanding else {
      throw .exceedsHeld(
        security: warrant.issuance.security, holder: name(of: warrant.issuance.holder),
        held: warrant.outstanding, requested: cancellation.quantity)
    }
    warrants.update(cancellation.security) { $0.outstanding -= cancellation.quantity }
    return true
  }

  func requirePositiveAmount(_ amount: Ratio, _ what: @autoclosure () -> String) throws(LedgerError)
  {
    guard amount > .zero else {
      throw .invalidTerms(SecurityID(what()), "the amount must be positive")
    }
  }

  func requireTerms(cap: Ratio?, discount: Ratio?, _ security: SecurityID) throws(LedgerError) {
    if let cap, cap <= .zero { throw .invalidTerms(security, "the valuation cap must be positive") }
    if let discount, discount < .zero || discount >= .one {
      throw .invalidTerms(security, "the discount must be at least 0 % and below 100 %")
    }
  }
}

extension CapTable {
  /// Converts a SAFE or note into a new stock security of the round's class.
  mutating func convert(_ conversion: Conversion, on date: CalendarDate) throws(LedgerError) {
    guard let position = convertibles[conversion.security] else {
      throw .unknownSecurity(conversion.security, date: date)
    }
    let state = try requireClass(conversion.shareClass)
    try requirePositive(conversion.quantity, "conversion of \(conversion.security)")
    guard conversion.pricePerShare > .zero else {
      throw .invalidTerms(conversion.security, "the conversion price must be positive")
    }
    try claimStock(conversion.resultingSecurity)
    try requireRoom(in: state, for: conversion.quantity)
    convertibles[conversion.security] = nil
    classes.update(conversion.shareClass) { $0.outstanding += conversion.quantity }
    addStock(
      StockPosition(
        security: conversion.resultingSecurity, holder: position.holder,
        shareClass: conversion.shareClass,
        quantity: conversion.quantity, pricePerShare: conversion.pricePerShare, date: date,
        vesting: nil))
  }
}

extension CapTable {
  /// Sets a preferred class's conversion price; its conversion ratio scales by CP1 ÷ CP2.
  mutating func adjustConversionPrice(_ change: ConversionPriceChange) throws(LedgerError) {
    let state = try requireClass(change.shareClass)
    guard state.definition.kind == .preferred, let cp1 = state.conversionPrice, cp1 > .zero else {
      throw .wrongSecurityKind(
        SecurityID(state.definition.name), expected: "a preferred class with a conversion price")
    }
    guard change.newConversionPrice > .zero else {
      throw .invalidTerms(
        SecurityID(state.definition.name), "the conversion price must be positive")
    }
    classes.update(change.shareClass) {
      $0.conversionRatio = $0.conversionRatio * cp1 / change.newConversionPrice
      $0.conversionPrice = change.newConversionPrice
    }
  }
}
