/// A forward (2:1) or reverse (1:10) split of one class.
///
/// Every stock security and option grant on the class is multiplied by `ratio` (fractions of a
/// share are dropped per security, as cash in lieu); strikes are divided by it; the class's
/// authorized shares and the pools of its plans are multiplied too.
public struct StockSplit: Sendable, Hashable, Codable {
  /// The class split.
  public var shareClass: ShareClass.ID
  /// New shares per old share.
  public var ratio: Ratio

  /// A split.
  public init(shareClass: ShareClass.ID, ratio: Ratio) {
    self.shareClass = shareClass
    self.ratio = ratio
  }
}

extension StockSplit: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.split`.
  public static var kind: LedgerEvent.Kind { .split }

  /// The event: `LedgerEvent.split`.
  public var ledgerEvent: LedgerEvent { .split(self) }

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
    try table.split(self)
  }
}
