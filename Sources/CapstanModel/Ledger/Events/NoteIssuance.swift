/// A convertible note as issued: a loan that accrues interest and converts at the next round.
public struct NoteIssuance: Sendable, Hashable, Codable {
  /// How interest compounds.
  public enum Compounding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Simple interest.
    case simple
    /// Compounded once a year.
    case annual
  }

  /// How days are counted.
  public enum DayCount: String, Sendable, Hashable, Codable, CaseIterable {
    /// Actual days over 365.
    case actual365 = "act/365"
    /// 30-day months over a 360-day year.
    case thirty360 = "30/360"
  }

  /// What the cap is divided by to give the cap price (the note states it).
  public enum CapBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// The round's pre-money fully diluted shares, conversions included (the usual reading).
    case preMoneyFullyDiluted = "pre-money-fully-diluted"
    /// The pre-money capitalization with the pool increase, without SAFEs and notes.
    case preMoneyCompanyCapitalization = "pre-money-company-capitalization"
    /// The capitalization with every conversion but not the pool increase (post-money style).
    case postMoneyCompanyCapitalization = "post-money-company-capitalization"
  }

  /// The note's id (`N-1`).
  public var security: SecurityID
  /// The lender.
  public var holder: Stakeholder.ID
  /// The principal.
  public var principal: Ratio
  /// The annual interest rate (0.08 for 8 %).
  public var rate: Ratio
  /// Simple or annual compounding.
  public var compounding: Compounding
  /// ACT/365 or 30/360.
  public var dayCount: DayCount
  /// The maturity date, if any.
  public var maturity: CalendarDate?
  /// The valuation cap, if any.
  public var valuationCap: Ratio?
  /// The discount to the round price, if any.
  public var discount: Ratio?
  /// What the cap is divided by.
  public var capBasis: CapBasis
  /// Where it is repaid at a liquidity event: on par with preferred by default, or as debt.
  public var rank: ConvertibleRank
  /// The id people know the security by (an OCF `custom_id`, a certificate number such as
  /// `CS-1`), when it is not `security`.
  public var customID: String? = nil

  /// A note.
  public init(
    security: SecurityID, holder: Stakeholder.ID, principal: Ratio, rate: Ratio,
    compounding: Compounding = .simple, dayCount: DayCount = .actual365,
    maturity: CalendarDate? = nil, valuationCap: Ratio? = nil, discount: Ratio? = nil,
    capBasis: CapBasis = .preMoneyFullyDiluted, rank: ConvertibleRank = .withPreferred
  ) {
    self.security = security
    self.holder = holder
    self.principal = principal
    self.rate = rate
    self.compounding = compounding
    self.dayCount = dayCount
    self.maturity = maturity
    self.valuationCap = valuationCap
    self.discount = discount
    self.capBasis = capBasis
    self.rank = rank
  }
}

extension NoteIssuance: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.note`.
  public static var kind: LedgerEvent.Kind { .note }

  /// The event: `LedgerEvent.issueNote`.
  public var ledgerEvent: LedgerEvent { .issueNote(self) }

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
    try table.issueNote(self, on: date)
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
