/// Costs to serve a token's compute (`token add --cost-per-unit`, `token cost`).
extension WorkspaceDraft {
  /// The workspace's costs to serve, including those added in this write.
  public func tokenCosts() throws -> TokenCosts {
    TokenCosts(try loadTokenCosts() + changes.tokenCosts)
  }

  /// Records the provider's cost per unit of `symbol`'s compute from `date`.
  ///
  /// The token must be known (this write's additions included) and the cost not negative. A
  /// second mark on the same date is a correction: the one recorded last applies.
  @discardableResult
  public mutating func recordTokenCost(symbol: String, costPerUnit: Ratio, date: CalendarDate)
    throws -> TokenCostMark
  {
    let market = try tokenMarket()
    let token: ComputeToken
    do throws(LedgerError) {
      token = try market.token(symbol)
    } catch {
      throw InputError.invalid(
        field: "SYMBOL", input: symbol, expected: "a known token (\(error))")
    }
    guard costPerUnit >= .zero else {
      throw InputError.invalid(
        field: "COST", input: costPerUnit.decimalString(places: 6, minimumPlaces: 2),
        expected: "a cost per \(token.unit) of zero or more")
    }
    let mark = TokenCostMark(symbol: token.symbol, date: date, costPerUnit: costPerUnit)
    changes.tokenCosts.append(mark)
    return mark
  }
}
