/// Revenue-share compute credits as granted: a provider delivers compute credits now and the
/// company repays them as a percentage of its revenue until a multiple of the credits is paid.
///
/// It buys no shares and changes no number of the ownership table; it is an obligation the
/// company owes: `revenue-share list` shows each with its cap amount (credits × cap multiple).
/// Repayments are not recorded in the ledger. See docs/revenue-share.md.
public struct RevenueShareIssuance: Sendable, Hashable, Codable {
  /// The revenue share's id (`RS-1`).
  public var security: SecurityID
  /// The provider of the credits, to whom the company owes the payments.
  public var provider: Stakeholder.ID
  /// The credits' value, in the company's currency.
  public var credits: Ratio
  /// The fraction of each period's revenue paid (0.05 for 5 %).
  public var percentage: Ratio
  /// Payments stop when they reach this multiple of the credits (1.5 for 1.5x).
  public var capMultiple: Ratio
  /// The last day the credits can be used or the agreement runs, if the terms set one.
  public var expires: CalendarDate?

  /// A revenue share.
  public init(
    security: SecurityID, provider: Stakeholder.ID, credits: Ratio, percentage: Ratio,
    capMultiple: Ratio, expires: CalendarDate? = nil
  ) {
    self.security = security
    self.provider = provider
    self.credits = credits
    self.percentage = percentage
    self.capMultiple = capMultiple
    self.expires = expires
  }

  /// What the company repays in all: credits × cap multiple, exact.
  public var capAmount: Ratio { credits * capMultiple }

  /// The percentage as written, with no trailing zeros: `5%`, `2.5%`.
  public var percentageText: String {
    (percentage * Ratio(100)).decimalString(places: 4, minimumPlaces: 0) + "%"
  }

  /// The cap multiple as written, with no trailing zeros: `1.5x`.
  public var capMultipleText: String {
    capMultiple.decimalString(places: 4, minimumPlaces: 0) + "x"
  }

  /// The terms in words: `$500,000.00 of credits, repaid at 5% of revenue until $750,000.00
  /// (1.5x) is paid`, and the term's end when there is one.
  public func termsText(currency: Currency) -> String {
    "\(Money(credits, currency).formatted) of credits, repaid at \(percentageText) of revenue "
      + "until \(Money(capAmount, currency).formatted) (\(capMultipleText)) is paid"
      + (expires.map { ", term ends \($0)" } ?? "")
  }
}

extension RevenueShareIssuance: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.revenueShare`.
  public static var kind: LedgerEvent.Kind { .revenueShare }

  /// The event: `LedgerEvent.issueRevenueShare`.
  public var ledgerEvent: LedgerEvent { .issueRevenueShare(self) }

  /// The revenue share's id.
  public var securityIDs: [SecurityID] { [security] }

  /// What the event can open (`SecurityCapacity`): its id.
  public static var capacity: SecurityCapacity.Opens { .init(claimed: 1) }

  /// The payload with its provider passed through the map.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.provider = holder(copy.provider)
    return copy
  }

  /// Checks the terms (a known provider, positive credits, a percentage above 0 % and at most
  /// 100 %, a cap multiple of at least 1x, an expiry not before the date) and claims the id;
  /// nothing else in the snapshot changes.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.requireHolder(provider)
    guard credits > .zero else {
      throw .invalidTerms(security, "the credits must be a positive amount")
    }
    guard percentage > .zero, percentage <= .one else {
      throw .invalidTerms(
        security, "the percentage of revenue must be above 0 % and at most 100 %")
    }
    guard capMultiple >= .one else {
      throw .invalidTerms(security, "the cap multiple must be at least 1x the credits")
    }
    if let expires, expires < date {
      throw .invalidTerms(security, "the term ends on \(expires), before the grant on \(date)")
    }
    try table.claim(security)
  }
}
