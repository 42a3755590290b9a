/// More shares reserved for a plan's pool.
public struct PoolIncrease: Sendable, Hashable, Codable {
  /// The plan.
  public var plan: StockPlan.ID
  /// Shares added to the reserve.
  public var quantity: Shares

  /// A pool increase.
  public init(plan: StockPlan.ID, quantity: Shares) {
    self.plan = plan
    self.quantity = quantity
  }
}

extension PoolIncrease: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.poolIncrease`.
  public static var kind: LedgerEvent.Kind { .poolIncrease }

  /// The event: `LedgerEvent.increasePool`.
  public var ledgerEvent: LedgerEvent { .increasePool(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [] }

  /// The payload with its stakeholder, class and plan ids passed through the maps.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.plan = plan(copy.plan)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.increasePool(self)
  }
}
