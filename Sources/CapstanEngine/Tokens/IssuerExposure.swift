import CapstanModel

/// A token issuer's position in one company: its stake, and the compute it still owes.
///
/// Outstanding compute = tokens the company holds (locked + available): the issuer must still
/// deliver the locked ones and redeem both. Valued at the peg (what the compute costs) and at
/// the market on the date.
public struct IssuerExposure: Sendable, Hashable {
  /// The company.
  public var company: String
  /// The issuer's compute grants to the company.
  public var grants: Int
  /// Tokens still locked (to deliver).
  public var locked: TokenAmount
  /// Tokens delivered and not yet redeemed or sold (to redeem).
  public var available: TokenAmount
  /// Compute units outstanding: (locked + available) × units per token.
  public var units: Ratio
  /// Outstanding tokens at the peg (nil without one).
  public var pegValue: Ratio?
  /// Outstanding tokens at the market price on the date (nil without a price).
  public var marketValue: Ratio?
  /// The issuer's fully diluted shares in the company.
  public var shares: Shares
  /// Those shares over the company's fully diluted total.
  public var fullyDiluted: Ratio

  /// The exposure of `token`'s issuer in one company, from the company's grants of the token
  /// (`valuations`) and the issuer's fully diluted shares out of `total`.
  public init(
    company: String, token: ComputeToken, valuations: [ComputeGrantValuation],
    marketPrice: Ratio?, shares: Shares, total: Shares
  ) {
    let own = valuations.filter { $0.grant.symbol.uppercased() == token.symbol.uppercased() }
    self.company = company
    grants = own.count
    locked = own.reduce(.zero) { $0 + $1.balances.locked }
    available = own.reduce(.zero) { $0 + $1.balances.available }
    let held = locked + available
    units = token.units(held)
    pegValue = token.peg.map { held.ratio * $0 }
    marketValue = marketPrice.map { held.ratio * $0 }
    self.shares = shares
    fullyDiluted = total > .zero ? shares.ratio / total.ratio : .zero
  }
}
