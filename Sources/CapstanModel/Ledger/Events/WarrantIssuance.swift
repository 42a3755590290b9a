/// A warrant: the right to buy shares of a class at a strike; counts in fully diluted.
public struct WarrantIssuance: Sendable, Hashable, Codable {
  /// The warrant's id (`W-1`).
  public var security: SecurityID
  /// The holder.
  public var holder: Stakeholder.ID
  /// The class the warrant is exercisable for.
  public var shareClass: ShareClass.ID
  /// Shares it buys.
  public var quantity: Shares
  /// The exercise price per share.
  public var strike: Ratio
  /// Last exercise date, if any.
  public var expires: CalendarDate?
  /// The id people know the security by (an OCF `custom_id`, a certificate number such as
  /// `CS-1`), when it is not `security`.
  public var customID: String? = nil

  /// A warrant.
  public init(
    security: SecurityID, holder: Stakeholder.ID, shareClass: ShareClass.ID, quantity: Shares,
    strike: Ratio, expires: CalendarDate? = nil
  ) {
    self.security = security
    self.holder = holder
    self.shareClass = shareClass
    self.quantity = quantity
    self.strike = strike
    self.expires = expires
  }
}

extension WarrantIssuance: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.warrant`.
  public static var kind: LedgerEvent.Kind { .warrant }

  /// The event: `LedgerEvent.issueWarrant`.
  public var ledgerEvent: LedgerEvent { .issueWarrant(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [security] }

  /// What the event can open (`SecurityCapacity`).
  public static var capacity: SecurityCapacity.Opens { .init(claimed: 1) }

  /// The payload with its stakeholder, class and plan ids passed through the maps.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.holder = holder(copy.holder)
    copy.shareClass = shareClass(copy.shareClass)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.issueWarrant(self, on: date)
  }

  /// The security the event creates and the id people know it by, when recorded.
  public var customIDOfCreated: (security: SecurityID, customID: String)? {
    customID.map { (security, $0) }
  }

  /// The payload with `customID` as the id people know the security it creates by.
  public func withCustomID(_ customID: String) -> Self {
    var copy = self
    copy.customID = customID
    return copy
  }
}
