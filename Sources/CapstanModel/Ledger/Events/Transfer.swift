/// Stock moved to another holder; a partial transfer leaves a balance security (as in OCF).
public struct Transfer: Sendable, Hashable, Codable {
  /// The security transferred from (closed by the transfer).
  public var security: SecurityID
  /// The transferee.
  public var to: Stakeholder.ID
  /// How many shares.
  public var quantity: Shares
  /// The transferee's new security.
  public var resultingSecurity: SecurityID
  /// The transferor's remaining shares, when the transfer is partial.
  public var balanceSecurity: SecurityID?
  /// The id people know the transferee's new security by (its OCF `custom_id`), if any.
  public var resultingCustomID: String? = nil
  /// The id people know the balance security by (its OCF `custom_id`), if any.
  public var balanceCustomID: String? = nil

  /// A transfer.
  public init(
    security: SecurityID, to: Stakeholder.ID, quantity: Shares, resultingSecurity: SecurityID,
    balanceSecurity: SecurityID?
  ) {
    self.security = security
    self.to = to
    self.quantity = quantity
    self.resultingSecurity = resultingSecurity
    self.balanceSecurity = balanceSecurity
  }
}

extension Transfer: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.transfer`.
  public static var kind: LedgerEvent.Kind { .transfer }

  /// The event: `LedgerEvent.transfer`.
  public var ledgerEvent: LedgerEvent { .transfer(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] {
    [security, resultingSecurity] + (balanceSecurity.map { [$0] } ?? [])
  }

  /// What the event can open (`SecurityCapacity`).
  public static var capacity: SecurityCapacity.Opens { .init(openStock: 1, stockIDs: 2) }

  /// The payload with its stakeholder, class and plan ids passed through the maps.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.to = holder(copy.to)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.transfer(self, on: date)
  }

  /// The security the event creates and the id people know it by, when recorded.
  public var customIDOfCreated: (security: SecurityID, customID: String)? {
    resultingCustomID.map { (resultingSecurity, $0) }
  }

  /// The payload with `customID` as the id people know the security it creates by.
  public func withCustomID(_ customID: String) -> Self {
    var copy = self
    copy.resultingCustomID = customID
    return copy
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
