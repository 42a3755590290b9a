/// A named milestone reached: the milestone tranches of that name vest (OCF TX_VESTING_EVENT).
///
/// Applies to one security, to every security of one holder, or, when neither is given, to
/// every security of the company whose terms name the milestone.
public struct MilestoneAchievement: Sendable, Hashable, Codable {
  /// The milestone's name, matched case-insensitively.
  public var name: String
  /// Only this holder's securities, if given.
  public var holder: Stakeholder.ID?
  /// Only this security, if given.
  public var security: SecurityID?

  /// A milestone reached.
  public init(name: String, holder: Stakeholder.ID? = nil, security: SecurityID? = nil) {
    self.name = name
    self.holder = holder
    self.security = security
  }
}

extension MilestoneAchievement: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.milestone`.
  public static var kind: LedgerEvent.Kind { .milestone }

  /// The event: `LedgerEvent.reachMilestone`.
  public var ledgerEvent: LedgerEvent { .reachMilestone(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { security.map { [$0] } ?? [] }

  /// The payload with its stakeholder, class and plan ids passed through the maps.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.holder = copy.holder.map(holder)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.reachMilestone(self, on: date)
  }
}
