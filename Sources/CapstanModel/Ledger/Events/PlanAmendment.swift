/// A plan amended from a date on: what happens to options cancelled from then (the pool's
/// counters are kept), and the date the board adopted it. A term left nil is unchanged.
///
/// A new adoption date corrects the record from the amendment's date on: views as of that date
/// or later replay the ledger with the plan adopted on the new date (its pool exists from
/// then), views before it with the date in force before. It cannot be after the amendment's
/// own date.
public struct PlanAmendment: Sendable, Hashable, Codable {
  /// The plan.
  public var plan: StockPlan.ID
  /// Whether cancelled options return to the pool or are retired, if changed.
  public var cancellationBehavior: StockPlan.CancellationBehavior?
  /// The date the board adopted the plan, if changed.
  public var adopted: CalendarDate?

  /// An amendment.
  public init(
    plan: StockPlan.ID, cancellationBehavior: StockPlan.CancellationBehavior? = nil,
    adopted: CalendarDate? = nil
  ) {
    self.plan = plan
    self.cancellationBehavior = cancellationBehavior
    self.adopted = adopted
  }

  /// Whether the amendment changes nothing.
  public var isEmpty: Bool { cancellationBehavior == nil && adopted == nil }
}

extension PlanAmendment: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.planAmendment`.
  public static var kind: LedgerEvent.Kind { .planAmendment }

  /// The event: `LedgerEvent.amendPlan`.
  public var ledgerEvent: LedgerEvent { .amendPlan(self) }

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
    try table.amend(self, on: date)
  }
}
