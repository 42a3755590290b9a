/// A holder's service ends: vesting stops, unvested options are cancelled (back to the pool
/// unless the plan retires them), and a termination without cause inside a change of
/// control's window triggers double-trigger acceleration first.
///
/// Restricted stock stops vesting too; its unvested shares stay outstanding, subject to the
/// company's repurchase right (record it with `capstan repurchase`).
public struct Termination: Sendable, Hashable, Codable {
  /// Whose service ends.
  public var holder: Stakeholder.ID
  /// One security only; nil for every option grant and restricted stock of the holder.
  public var security: SecurityID?
  /// Without cause (or for good reason).
  public var withoutCause: Bool

  /// A termination.
  public init(holder: Stakeholder.ID, security: SecurityID? = nil, withoutCause: Bool) {
    self.holder = holder
    self.security = security
    self.withoutCause = withoutCause
  }
}

extension Termination: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.termination`.
  public static var kind: LedgerEvent.Kind { .termination }

  /// The event: `LedgerEvent.terminate`.
  public var ledgerEvent: LedgerEvent { .terminate(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { security.map { [$0] } ?? [] }

  /// The payload with its stakeholder, class and plan ids passed through the maps.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.holder = holder(copy.holder)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.terminate(self, on: date)
  }
}
