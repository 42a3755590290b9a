import CapstanModel

extension TokenStress {
  /// The company's compute grants on `table`'s date, in security order, under `shocks` and
  /// `path` (`run`); `runway` is given the cash price of a unit of compute at the peg of the
  /// first grant's token (nil without a peg) and returns the runway inputs (nil: no runway).
  /// Refused for a table without compute grants.
  public static func company(
    _ table: CapTable, market: TokenMarket, shocks: [Ratio] = [], path: [TokenPriceMark] = [],
    runway: (Ratio?) throws -> RunwayInputs? = { _ in nil }
  ) throws -> [TokenStressRow] {
    let positions = table.computeGrants.values.sorted { $0.grant.security < $1.grant.security }
    guard let first = positions.first else {
      throw TokenError.invalid("\(table.company.name) has no compute grants on \(table.asOf)")
    }
    let inputs = try runway(try market.token(first.grant.symbol).pegPerUnit)
    return try run(
      positions, market: market, asOf: table.asOf, shocks: shocks, path: path, runway: inputs)
  }
}
