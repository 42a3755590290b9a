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
