import CapstanModel

extension FinancingComparison {
  /// The token a token-for-equity offer is priced in: the one `symbol` names, else the
  /// market's only token; nil without a token offer, or when the market holds several and a
  /// market price is given instead. Refused (under `field`) when the market holds several (or
  /// none), none is named, and no market price is given.
  public static func offeredToken(
    _ symbol: String?, in market: TokenMarket, tokenOffer: Bool, marketPriceGiven: Bool,
    field: String
  ) throws -> ComputeToken? {
    guard tokenOffer else { return nil }
    if let symbol { return try market.token(symbol) }
    if market.tokens.count == 1 { return market.tokens.values.first }
    guard marketPriceGiven else {
      throw InputError.missing(
        field: field, expected: "the offered token's symbol (or --market-price)")
    }
    return nil
  }

  /// The provider in a token offer, by id: the stakeholder of `table` named `name` (any
  /// case), else the token's issuer; nil when neither is known.
  public static func provider(
    named name: String?, token: ComputeToken?, in table: CapTable
  ) -> Stakeholder.ID? {
    guard let name else { return token?.issuer }
    return Stakeholder.named(name, in: table.stakeholders.values)?.id
  }
}
