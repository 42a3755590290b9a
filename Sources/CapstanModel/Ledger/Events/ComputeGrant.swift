/// Compute tokens a provider gives a company as consideration for equity.
///
/// The deal fixes an agreed price per token: the investment is tokens × agreed price, whatever
/// the market says. The tokens are delivered on an unlock schedule, may expire if not redeemed
/// by a date, and may be clawed back while still locked when a stated event is recorded.
public struct ComputeGrant: Sendable, Hashable, Codable {
  /// The grant's id (`CG-1`).
  public var security: SecurityID
  /// The provider (the token issuer, or whoever pays in its tokens).
  public var provider: Stakeholder.ID
  /// The token's symbol.
  public var symbol: String
  /// Tokens granted.
  public var tokens: TokenAmount
  /// The agreed price per token: what the deal counts each token as.
  public var agreedPrice: Ratio
  /// When the tokens are delivered.
  public var unlock: UnlockSchedule
  /// The last day tokens can be redeemed or sold; after it, whatever is left expires.
  public var expires: CalendarDate?
  /// The event on which still-locked tokens can be clawed back (nil: no clawback).
  public var clawbackOn: String?
  /// The equity the provider receives for the tokens, if recorded with the grant.
  public var equity: EquityConsideration?

  /// A grant.
  public init(
    security: SecurityID, provider: Stakeholder.ID, symbol: String, tokens: TokenAmount,
    agreedPrice: Ratio, unlock: UnlockSchedule, expires: CalendarDate? = nil,
    clawbackOn: String? = nil, equity: EquityConsideration? = nil
  ) {
    self.security = security
    self.provider = provider
    self.symbol = symbol
    self.tokens = tokens
    self.agreedPrice = agreedPrice
    self.unlock = unlock
    self.expires = expires
    self.clawbackOn = clawbackOn
    self.equity = equity
  }

  /// The agreed value of the grant: tokens × agreed price.
  public var agreedValue: Ratio { tokens.ratio * agreedPrice }
}

extension ComputeGrant: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.computeGrant`.
  public static var kind: LedgerEvent.Kind { .computeGrant }

  /// The event: `LedgerEvent.grantCompute`.
  public var ledgerEvent: LedgerEvent { .grantCompute(self) }

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
    copy.provider = holder(copy.provider)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.grantCompute(self, on: date)
  }
}
