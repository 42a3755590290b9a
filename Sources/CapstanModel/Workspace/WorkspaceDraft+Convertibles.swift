/// Issuing SAFEs, notes and warrants by holder name, with new ids `SAFE-n`, `N-n`, `W-n`.
extension WorkspaceDraft {
  /// Appends an issuance made by `make` from a new id with `prefix` and the holder's id.
  @discardableResult
  public mutating func issueConvertible(
    prefix: String, to holder: String, date: CalendarDate, company: Company.ID,
    _ make: (SecurityID, Stakeholder.ID) throws -> LedgerEvent
  ) throws -> Transaction {
    let ledger = try ledger(for: company)
    let event = try make(ledger.nextSecurityID(prefix: prefix), try stakeholder(named: holder).id)
    return try append([(date, event)], to: company)[0]
  }

  /// Issues a warrant for shares of a class.
  @discardableResult
  public mutating func issueWarrant(
    to holder: String, quantity: Shares, className: String, strike: Ratio, date: CalendarDate,
    expires: CalendarDate?, company: Company.ID
  ) throws -> Transaction {
    let shareClass = try ledger(for: company).shareClass(named: className)
    return try issueConvertible(prefix: "W", to: holder, date: date, company: company) {
      id, holder in
      .issueWarrant(
        WarrantIssuance(
          security: id, holder: holder, shareClass: shareClass.id, quantity: quantity,
          strike: strike,
          expires: expires))
    }
  }
}
