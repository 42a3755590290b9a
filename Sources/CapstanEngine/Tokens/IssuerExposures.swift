import CapstanModel

/// A token issuer's view across companies: in each company that holds its token (or in which
/// it holds shares), the compute it owes and its fully diluted stake (SAFEs and notes counted
/// at their estimated conversion at the cap, `IssuerExposure.stakeEstimated`).
public struct IssuerExposures: Sendable {
  /// One company's row.
  public struct Row: Sendable {
    /// The company.
    public var company: Company
    /// The issuer's position in it.
    public var exposure: IssuerExposure
  }

  /// The token.
  public var token: ComputeToken
  /// Its market price on the date (nil without one).
  public var marketPrice: Ratio?
  /// The issuer's cost to serve a unit of the token's compute on the date (nil without one).
  public var costPerUnit: Ratio?
  /// The date.
  public var asOf: CalendarDate
  /// The companies holding the token or in which the issuer holds shares, in `ledgers` order.
  public var rows: [Row]

  /// The issuer of `token` (found by its stakeholder id) in every company of `ledgers` on
  /// `date`, valued at `market` and at `costs`.
  public init(
    token: ComputeToken, ledgers: [Ledger], market: TokenMarket, asOf date: CalendarDate,
    costs: TokenCosts = TokenCosts()
  ) throws {
    self.token = token
    self.asOf = date
    marketPrice = market.price(token.symbol, on: date)
    costPerUnit = costs.costPerUnit(token.symbol, on: date)
    rows = []
    for ledger in ledgers {
      let table = try ledger.replay(asOf: date)
      // SAFEs and notes outstanding count as their estimated conversion at the cap (as in
      // `table --basis fully-diluted-with-convertibles`): the issuer's own add to its shares,
      // everyone's enlarge the total.
      let estimate = try ConvertibleEstimate(table, on: date)
      let estimated = estimate.totalShares > .zero
      let view =
        estimated
        ? OwnershipView(table, grouping: .holder, convertibles: estimate)
        : OwnershipView(table, basis: .fullyDiluted, grouping: .holder)
      let ownEstimate = estimate.lines.filter { $0.stakeholder == token.issuer }
        .reduce(Shares.zero) { $0 + $1.shares }
      let shares =
        (view.rows.first { $0.holder == token.issuer }?.total ?? .zero) + ownEstimate
      var exposure = IssuerExposure(
        company: ledger.company.name, token: token,
        valuations: try market.valuations(of: table, asOf: date), marketPrice: marketPrice,
        shares: shares, total: view.total)
      exposure.stakeEstimated = estimated
      exposure.estimatedShares = ownEstimate
      exposure.schedule(
        table.computeGrants.values.filter {
          $0.grant.symbol.uppercased() == token.symbol.uppercased()
        }, token: token, prices: market.prices(token.symbol), asOf: date,
        costPerUnit: costPerUnit)
      if exposure.grants > 0 || shares > .zero {
        rows.append(Row(company: ledger.company, exposure: exposure))
      }
    }
  }
}
