/// A SAFE (simple agreement for future equity) as issued: money now, shares at the next
/// priced round.
public struct SAFEIssuance: Sendable, Hashable, Codable {
  /// Post-money (the current YC form) or pre-money.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The YC post-money SAFE: the cap is divided over the Company Capitalization including
    /// every converting security.
    case postMoney = "post-money"
    /// The pre-money SAFE: the cap is divided over the pre-money capitalization excluding
    /// SAFEs and notes.
    case preMoney = "pre-money"
  }

  /// The SAFE's id (`SAFE-1`).
  public var security: SecurityID
  /// The investor.
  public var holder: Stakeholder.ID
  /// The purchase amount.
  public var purchaseAmount: Ratio
  /// Post- or pre-money.
  public var kind: Kind
  /// The valuation cap, if any.
  public var valuationCap: Ratio?
  /// The discount to the round price (0.2 for 20 %), if any.
  public var discount: Ratio?
  /// Whether the SAFE may adopt the better terms of a later SAFE.
  public var mostFavoredNation: Bool
  /// Whether a pro rata side letter comes with it.
  public var proRata: Bool
  /// Where its cash-out amount is paid at a liquidity event (on par with preferred by default).
  public var rank: ConvertibleRank
  /// The id people know the security by (an OCF `custom_id`, a certificate number such as
  /// `CS-1`), when it is not `security`.
  public var customID: String? = nil

  /// A SAFE.
  public init(
    security: SecurityID, holder: Stakeholder.ID, purchaseAmount: Ratio, kind: Kind = .postMoney,
    valuationCap: Ratio? = nil, discount: Ratio? = nil, mostFavoredNation: Bool = false,
    proRata: Bool = false, rank: ConvertibleRank = .withPreferred
  ) {
    self.security = security
    self.holder = holder
    self.purchaseAmount = purchaseAmount
    self.kind = kind
    self.valuationCap = valuationCap
    self.discount = discount
    self.mostFavoredNation = mostFavoredNation
    self.proRata = proRata
    self.rank = rank
  }
}

extension SAFEIssuance: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.safe`.
  public static var kind: LedgerEvent.Kind { .safe }

  /// The event: `LedgerEvent.issueSAFE`.
  public var ledgerEvent: LedgerEvent { .issueSAFE(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [security] }

  /// What the event can open (`SecurityCapacity`).
  public static var capacity: SecurityCapacity.Opens { .init(claimed: 1) }

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
    try table.issueSAFE(self, on: date)
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
