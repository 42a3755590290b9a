/// Tokens of a grant sold on the secondary market.
public struct TokenSale: Sendable, Hashable, Codable {
  /// The compute grant.
  public var grant: SecurityID
  /// Tokens sold.
  public var tokens: TokenAmount
  /// Price per token received.
  public var price: Ratio

  /// A sale.
  public init(grant: SecurityID, tokens: TokenAmount, price: Ratio) {
    self.grant = grant
    self.tokens = tokens
    self.price = price
  }
}

extension TokenSale: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.tokenSale`.
  public static var kind: LedgerEvent.Kind { .tokenSale }

  /// The event: `LedgerEvent.sellTokens`.
  public var ledgerEvent: LedgerEvent { .sellTokens(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [grant] }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.useTokens(grant, tokens, salePrice: price, on: date)
  }
}
