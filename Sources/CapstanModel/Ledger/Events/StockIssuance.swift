/// Shares issued to a holder, optionally restricted by a vesting schedule.
public struct StockIssuance: Sendable, Hashable, Codable {
  /// The new security's id (`CS-1`).
  public var security: SecurityID
  /// Who receives the shares.
  public var holder: Stakeholder.ID
  /// The class issued.
  public var shareClass: ShareClass.ID
  /// How many shares.
  public var quantity: Shares
  /// Price paid per share, in the company's currency.
  public var pricePerShare: Ratio
  /// Vesting of restricted stock, if any.
  public var vesting: VestingSchedule?
  /// Richer vesting terms (days, tranches, milestones, allocation, acceleration), when a plain
  /// schedule cannot say them; they take the place of `vesting`.
  public var vestingTerms: VestingTerms? {
    get { vestingTermsReference?.value }
    set { vestingTermsReference = newValue.map(VestingTermsReference.init) }
  }
  /// The richer terms, held by reference: nil for almost every issuance, one pointer otherwise.
  var vestingTermsReference: VestingTermsReference?
  /// The id people know the security by (an OCF `custom_id`, a certificate number such as
  /// `CS-1`), when it is not `security`.
  public var customID: String? = nil

  private enum CodingKeys: String, CodingKey {
    case security, holder, shareClass, quantity, pricePerShare, vesting, customID
    case vestingTermsReference = "vestingTerms"
  }

  /// An issuance.
  public init(
    security: SecurityID, holder: Stakeholder.ID, shareClass: ShareClass.ID, quantity: Shares,
    pricePerShare: Ratio, vesting: VestingSchedule? = nil, vestingTerms: VestingTerms? = nil
  ) {
    self.vestingTermsReference = vestingTerms.map(VestingTermsReference.init)
    self.security = security
    self.holder = holder
    self.shareClass = shareClass
    self.quantity = quantity
    self.pricePerShare = pricePerShare
    self.vesting = vesting
  }
}

extension StockIssuance: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.issue`.
  public static var kind: LedgerEvent.Kind { .issue }

  /// The event: `LedgerEvent.issueStock`.
  public var ledgerEvent: LedgerEvent { .issueStock(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [security] }

  /// What the event can open (`SecurityCapacity`).
  public static var capacity: SecurityCapacity.Opens { .init(openStock: 1, stockIDs: 1) }

  /// The payload with its stakeholder, class and plan ids passed through the maps.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.holder = holder(copy.holder)
    copy.shareClass = shareClass(copy.shareClass)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.issue(self, on: date)
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
