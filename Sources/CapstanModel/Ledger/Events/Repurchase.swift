/// Stock bought back by the company at a price; a partial repurchase leaves a balance security.
public struct Repurchase: Sendable, Hashable, Codable {
  /// The security repurchased from.
  public var security: SecurityID
  /// How many shares.
  public var quantity: Shares
  /// Price paid per share.
  public var pricePerShare: Ratio
  /// The holder's remaining shares, when partial.
  public var balanceSecurity: SecurityID?
  /// The id people know the balance security by (its OCF `custom_id`), if any.
  public var balanceCustomID: String? = nil

  /// A repurchase.
  public init(
    security: SecurityID, quantity: Shares, pricePerShare: Ratio, balanceSecurity: SecurityID?
  ) {
    self.security = security
    self.quantity = quantity
    self.pricePerShare = pricePerShare
    self.balanceSecurity = balanceSecurity
  }
}

extension Repurchase: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.repurchase`.
  public static var kind: LedgerEvent.Kind { .repurchase }

  /// The event: `LedgerEvent.repurchase`.
  public var ledgerEvent: LedgerEvent { .repurchase(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [security] + (balanceSecurity.map { [$0] } ?? []) }

  /// What the event can open (`SecurityCapacity`).
  public static var capacity: SecurityCapacity.Opens { .init(stockIDs: 1) }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.repurchase(self, on: date)
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
