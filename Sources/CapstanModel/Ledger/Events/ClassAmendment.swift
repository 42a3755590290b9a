/// A dated charter amendment of a class's terms: from its date on, views and waterfalls use the
/// new terms; before it, the old ones. A term left nil is unchanged.
public struct ClassAmendment: Sendable, Hashable, Codable {
  /// The class amended.
  public var shareClass: ShareClass.ID
  /// The new liquidation preference (multiple, participation, seniority), if changed.
  public var preference: LiquidationPreference?
  /// The new anti-dilution protection, if changed.
  public var antiDilution: AntiDilution?
  /// The new votes per share, if changed.
  public var votesPerShare: Ratio?

  /// An amendment.
  public init(
    shareClass: ShareClass.ID, preference: LiquidationPreference? = nil,
    antiDilution: AntiDilution? = nil, votesPerShare: Ratio? = nil
  ) {
    self.shareClass = shareClass
    self.preference = preference
    self.antiDilution = antiDilution
    self.votesPerShare = votesPerShare
  }

  /// Whether the amendment changes nothing.
  public var isEmpty: Bool { preference == nil && antiDilution == nil && votesPerShare == nil }

  /// The class's terms with the amendment applied.
  public func applied(to terms: ShareClass) -> ShareClass {
    var amended = terms
    if let preference { amended.preference = preference }
    if let antiDilution { amended.antiDilution = antiDilution }
    if let votesPerShare { amended.votesPerShare = votesPerShare }
    return amended
  }
}

extension ClassAmendment: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.classAmendment`.
  public static var kind: LedgerEvent.Kind { .classAmendment }

  /// The event: `LedgerEvent.amendClass`.
  public var ledgerEvent: LedgerEvent { .amendClass(self) }

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
    try table.amend(self)
  }
}
