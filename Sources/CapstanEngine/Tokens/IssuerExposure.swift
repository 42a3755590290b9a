import CapstanModel

/// A token issuer's position in one company: its stake, and the compute it still owes.
///
/// Outstanding compute = tokens the company holds (locked + available): the issuer must still
/// deliver the locked ones and redeem both. The available ones are **callable now** (the
/// company can redeem them today); the locked ones unlock on the schedule (`unlocking`, month
/// by month for 24 months, then `unlockingLater`). Valued at the peg, at the market on the
/// date and at the issuer's cost to serve (`TokenCosts`).
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
  /// The issuer's fully diluted shares in the company, its own SAFEs and notes counted at their
  /// estimated conversion (`estimatedShares`).
  public var shares: Shares
  /// Those shares over the company's fully diluted total (with every SAFE and note outstanding
  /// at its estimated conversion when `stakeEstimated`).
  public var fullyDiluted: Ratio
  /// Whether the stake counts SAFEs and notes outstanding in the company at their estimated
  /// conversion at the cap (`ConvertibleEstimate`): an estimate, which the report says.
  public var stakeEstimated = false
  /// The issuer's own SAFEs' and notes' estimated conversion shares (in `shares`).
  public var estimatedShares: Shares = .zero
  /// Owed tokens at the issuer's cost to serve on the date (nil without a cost recorded).
  public var costValue: Ratio?
  /// Locked tokens that unlock in each of the 24 months after the date (month m ends on the
  /// date + m months), before any expiry.
  public var unlocking: [TokenAmount] = []
  /// Locked tokens that do not unlock within the 24 months (later, or never: they expire).
  public var unlockingLater: TokenAmount = .zero
  /// Shares the company issued for the issuer's tokens (grants with equity).
  public var equityShares: Shares = .zero
  /// What the compute paid for those shares costs the issuer: the tokens it delivers or will
  /// deliver for them (granted − clawed back − expired) × units per token × cost per unit on
  /// the date (nil without a cost, or without equity).
  public var equityCost: Ratio?

  /// Tokens callable now: delivered and not yet redeemed or sold (= `available`).
  public var callable: TokenAmount { available }
  /// Tokens owed: locked + callable.
  public var owed: TokenAmount { locked + available }
  /// Compute units callable now.
  public var callableUnits: Ratio { units - lockedUnits }
  /// Compute units still locked.
  public var lockedUnits: Ratio { owed.count == 0 ? .zero : units * locked.ratio / owed.ratio }
  /// The effective price the issuer paid per share at its cost: `equityCost` ÷ `equityShares`.
  public var costPerShare: Ratio? {
    guard let equityCost, equityShares > .zero else { return nil }
    return equityCost / equityShares.ratio
  }

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
