/// Options granted to a holder from a plan's pool.
public struct OptionGrant: Sendable, Hashable, Codable {
  /// The grant's id (`OP-1`).
  public var security: SecurityID
  /// The grantee.
  public var holder: Stakeholder.ID
  /// The plan whose pool the options come from.
  public var plan: StockPlan.ID
  /// How many options.
  public var quantity: Shares
  /// Exercise price per share.
  public var strike: Ratio
  /// Vesting, if any (otherwise fully vested at grant).
  public var vesting: VestingSchedule?
  /// Last day the options can be exercised.
  public var expires: CalendarDate?
  /// Richer vesting terms (days, tranches, milestones, allocation, acceleration), when a plain
  /// schedule cannot say them; they take the place of `vesting`.
  public var vestingTerms: VestingTerms? {
    get { vestingTermsReference?.value }
    set { vestingTermsReference = newValue.map(VestingTermsReference.init) }
  }
  /// The richer terms, held by reference: nil for almost every grant, one pointer otherwise.
  var vestingTermsReference: VestingTermsReference?
  /// The id people know the security by (an OCF `custom_id`, a certificate number such as
  /// `CS-1`), when it is not `security`.
  public var customID: String? = nil

  private enum CodingKeys: String, CodingKey {
    case security, holder, plan, quantity, strike, vesting, expires, customID
    case vestingTermsReference = "vestingTerms"
  }

  /// A grant.
  public init(
    security: SecurityID, holder: Stakeholder.ID, plan: StockPlan.ID, quantity: Shares,
    strike: Ratio, vesting: VestingSchedule? = nil, expires: CalendarDate? = nil,
    vestingTerms: VestingTerms? = nil
  ) {
    self.vestingTermsReference = vestingTerms.map(VestingTermsReference.init)
    self.security = security
    self.holder = holder
    self.plan = plan
    self.quantity = quantity
    self.strike = strike
    self.vesting = vesting
    self.expires = expires
  }
}

extension OptionGrant: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.grant`.
  public static var kind: LedgerEvent.Kind { .grant }

  /// The event: `LedgerEvent.grantOptions`.
  public var ledgerEvent: LedgerEvent { .grantOptions(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [security] }

  /// What the event can open (`SecurityCapacity`).
  public static var capacity: SecurityCapacity.Opens { .init(grants: 1) }

  /// The payload with its stakeholder, class and plan ids passed through the maps.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.holder = holder(copy.holder)
    copy.plan = plan(copy.plan)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.grantOptions(self, on: date)
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
