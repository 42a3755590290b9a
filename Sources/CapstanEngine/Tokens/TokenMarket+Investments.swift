import CapstanModel

extension TokenMarket {
  /// Refuses token investments in a token the market does not define.
  public func check(_ investments: [TokenInvestment]) throws {
    for investment in investments { _ = try token(investment.symbol) }
  }
}
