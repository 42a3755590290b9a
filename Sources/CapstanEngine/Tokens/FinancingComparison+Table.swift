import CapstanModel

extension FinancingComparison {
  /// Compares `offers` for a company that needs `need`, on its cap table: the provider (a
  /// stakeholder id; nil when the provider holds nothing in the company) is counted from the
  /// table's capitalization, and the offered `token` is valued at `marketPrice`, else its
  /// market price on the table's date, else its peg (zero without a token).
  public static func compare(
    need: Ratio, offers: [Offer], on table: CapTable, token: ComputeToken?, market: TokenMarket,
    marketPrice: Ratio? = nil, provider: Stakeholder.ID?, runway: RunwayInputs, drop: Ratio
  ) throws -> [Outcome] {
    let spot =
      marketPrice ?? token.flatMap { market.price($0.symbol, on: table.asOf) ?? $0.peg } ?? .zero
    return try compare(
      need: need,
      company: Company(CompanyCapitalization(table), provider: provider, runway: runway),
      offers: offers, marketPrice: spot, unitsPerToken: token?.unitsPerToken ?? .one, drop: drop)
  }
}

extension ComputeToken {
  /// The cash price of one unit of compute at the peg (nil without a peg).
  public var pegPerUnit: Ratio? { peg.map { $0 / unitsPerToken } }
}
