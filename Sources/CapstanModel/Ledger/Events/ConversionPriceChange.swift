/// A preferred class's new conversion price after an anti-dilution adjustment: its shares then
/// convert into (old conversion price ÷ new) times as many common shares as before.
public struct ConversionPriceChange: Sendable, Hashable, Codable {
  /// The protected class.
  public var shareClass: ShareClass.ID
  /// The new conversion price (CP2).
  public var newConversionPrice: Ratio

  /// A change.
  public init(shareClass: ShareClass.ID, newConversionPrice: Ratio) {
    self.shareClass = shareClass
    self.newConversionPrice = newConversionPrice
  }
}

extension ConversionPriceChange: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.conversionPrice`.
  public static var kind: LedgerEvent.Kind { .conversionPrice }

  /// The event: `LedgerEvent.adjustConversionPrice`.
  public var ledgerEvent: LedgerEvent { .adjustConversionPrice(self) }

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
    try table.adjustConversionPrice(self)
  }
}
