/// A SAFE or note converted into stock at a priced round (OCF TX_CONVERTIBLE_CONVERSION): the
/// convertible closes and its holder receives a new stock security.
public struct Conversion: Sendable, Hashable, Codable {
  /// The SAFE or note converted.
  public var security: SecurityID
  /// The stock security issued.
  public var resultingSecurity: SecurityID
  /// The class it converts into.
  public var shareClass: ShareClass.ID
  /// Shares issued.
  public var quantity: Shares
  /// The conversion price per share.
  public var pricePerShare: Ratio
  /// The id people know the stock issued by (its OCF `custom_id`), when it is not
  /// `resultingSecurity`.
  public var customID: String? = nil

  /// A conversion.
  public init(
    security: SecurityID, resultingSecurity: SecurityID, shareClass: ShareClass.ID,
    quantity: Shares,
    pricePerShare: Ratio
  ) {
    self.security = security
    self.resultingSecurity = resultingSecurity
    self.shareClass = shareClass
    self.quantity = quantity
    self.pricePerShare = pricePerShare
  }
}

extension Conversion: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.conversion`.
  public static var kind: LedgerEvent.Kind { .conversion }

  /// The event: `LedgerEvent.convert`.
  public var ledgerEvent: LedgerEvent { .convert(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [security, resultingSecurity] }

  /// What the event can open (`SecurityCapacity`).
  public static var capacity: SecurityCapacity.Opens { .init(openStock: 1, stockIDs: 1) }

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
    try table.convert(self, on: date)
  }

  /// The security the event creates and the id people know it by, when recorded.
  public var customIDOfCreated: (security: SecurityID, customID: String)? {
    customID.map { (resultingSecurity, $0) }
  }

  /// The payload with `customID` as the id people know the security it creates by.
  public func withCustomID(_ customID: String) -> Self {
    var copy = self
    copy.customID = customID
    return copy
  }
}
