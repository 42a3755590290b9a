/// The class's authorized shares set to a new total (a charter amendment).
public struct SharesAuthorization: Sendable, Hashable, Codable {
  /// The class.
  public var shareClass: ShareClass.ID
  /// The new total authorized.
  public var newTotal: Shares

  /// An authorization.
  public init(shareClass: ShareClass.ID, newTotal: Shares) {
    self.shareClass = shareClass
    self.newTotal = newTotal
  }
}

extension SharesAuthorization: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.authorize`.
  public static var kind: LedgerEvent.Kind { .authorize }

  /// The event: `LedgerEvent.authorizeShares`.
  public var ledgerEvent: LedgerEvent { .authorizeShares(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [] }

  /// The payload with its stakeholder, class and plan ids passed through the maps.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.shareClass = shareClass(copy.shareClass)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.authorize(self)
  }
}
