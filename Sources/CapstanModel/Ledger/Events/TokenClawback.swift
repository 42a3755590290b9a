/// Still-locked tokens of a grant clawed back by the provider on a recorded event.
public struct TokenClawback: Sendable, Hashable, Codable {
  /// The compute grant.
  public var grant: SecurityID
  /// Tokens clawed back (every token still locked on the date).
  public var tokens: TokenAmount
  /// The event that triggered it.
  public var event: String

  /// A clawback.
  public init(grant: SecurityID, tokens: TokenAmount, event: String) {
    self.grant = grant
    self.tokens = tokens
    self.event = event
  }
}

extension TokenClawback: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.tokenClawback`.
  public static var kind: LedgerEvent.Kind { .tokenClawback }

  /// The event: `LedgerEvent.clawbackTokens`.
  public var ledgerEvent: LedgerEvent { .clawbackTokens(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [grant] }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.clawback(self, on: date)
  }
}
