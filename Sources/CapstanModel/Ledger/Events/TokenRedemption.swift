/// Tokens of a grant redeemed for compute (GPU-hours used).
public struct TokenRedemption: Sendable, Hashable, Codable {
  /// The compute grant.
  public var grant: SecurityID
  /// Tokens redeemed.
  public var tokens: TokenAmount

  /// A redemption.
  public init(grant: SecurityID, tokens: TokenAmount) {
    self.grant = grant
    self.tokens = tokens
  }
}

extension TokenRedemption: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.tokenRedeem`.
  public static var kind: LedgerEvent.Kind { .tokenRedeem }

  /// The event: `LedgerEvent.redeemTokens`.
  public var ledgerEvent: LedgerEvent { .redeemTokens(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [grant] }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.useTokens(grant, tokens, salePrice: nil, on: date)
  }
}
