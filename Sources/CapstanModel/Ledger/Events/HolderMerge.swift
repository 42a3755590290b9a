/// Two records of one holder merged: from its date on, everything `from` holds in the company
/// (stock, options, SAFEs, notes, warrants) is held by `into`. Both stakeholders stay in the
/// workspace; voiding the merge undoes it.
public struct HolderMerge: Sendable, Hashable, Codable {
  /// The stakeholder whose holdings move.
  public var from: Stakeholder.ID
  /// The stakeholder who holds them from the merge on.
  public var into: Stakeholder.ID

  /// A merge.
  public init(from: Stakeholder.ID, into: Stakeholder.ID) {
    self.from = from
    self.into = into
  }
}

extension HolderMerge: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.holderMerge`.
  public static var kind: LedgerEvent.Kind { .holderMerge }

  /// The event: `LedgerEvent.mergeHolders`.
  public var ledgerEvent: LedgerEvent { .mergeHolders(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [] }

  /// The payload with its stakeholder, class and plan ids passed through the maps.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.from = holder(copy.from)
    copy.into = holder(copy.into)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.merge(self)
  }
}
