/// Stock or options cancelled. Cancelled options return to the pool per the plan's rule.
///
/// A partial cancellation of stock closes the security and leaves a balance security;
/// a partial cancellation of options reduces the grant in place.
public struct Cancellation: Sendable, Hashable, Codable {
  /// The security cancelled.
  public var security: SecurityID
  /// How many shares or options.
  public var quantity: Shares
  /// The holder's remaining stock, when a stock cancellation is partial.
  public var balanceSecurity: SecurityID?
  /// Why (forfeiture on termination, expiry, correction).
  public var reason: String?
  /// The id people know the balance security by (its OCF `custom_id`), if any.
  public var balanceCustomID: String? = nil

  /// A cancellation.
  public init(security: SecurityID, quantity: Shares, balanceSecurity: SecurityID?, reason: String?)
  {
    self.security = security
    self.quantity = quantity
    self.balanceSecurity = balanceSecurity
    self.reason = reason
  }
}

extension Cancellation: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.cancel`.
  public static var kind: LedgerEvent.Kind { .cancel }

  /// The event: `LedgerEvent.cancel`.
  public var ledgerEvent: LedgerEvent { .cancel(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [security] + (balanceSecurity.map { [$0] } ?? []) }

  /// What the event can open (`SecurityCapacity`).
  public static var capacity: SecurityCapacity.Opens { .init(stockIDs: 1) }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.cancel(self, on: date)
  }

  /// The balance security the event leaves and the id people know it by, when recorded.
  public var customIDOfBalance: (security: SecurityID, customID: String)? {
    guard let balanceSecurity, let balanceCustomID else { return nil }
    return (balanceSecurity, balanceCustomID)
  }

  /// The payload with `customID` as the id people know its balance security by (when it
  /// leaves one).
  public func withBalanceCustomID(_ customID: String) -> Self {
    guard balanceSecurity != nil else { return self }
    var copy = self
    copy.balanceCustomID = customID
    return copy
  }
}
