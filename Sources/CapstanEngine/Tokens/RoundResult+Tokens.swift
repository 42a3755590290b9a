import CapstanModel

extension RoundResult {
  /// What closing the round writes, with a compute grant for every token investor.
  ///
  /// Token investors come last among the investors (`RoundTerms.allInvestments`), so the
  /// `i`-th of `tokenInvestments` bought the purchase at `investors.count - k + i`.
  public func closing(
    newClass: NewClassTerms, antiDilution: [ClassAntiDilution] = [],
    conversionSeries: ConversionSeries = .subSeries, tokenInvestments: [TokenInvestment]
  ) -> RoundClosing {
    var closing = closing(
      newClass: newClass, antiDilution: antiDilution, conversionSeries: conversionSeries)
    let first = investors.count - tokenInvestments.count
    closing.computeGrants = tokenInvestments.enumerated().map { index, investment in
      RoundClosing.TokenGrantOrder(purchase: first + index, investment: investment)
    }
    return closing
  }
}
