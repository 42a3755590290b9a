import CapstanModel

/// What the company spends each month and has in the bank, for runway.
public struct RunwayInputs: Sendable, Hashable {
  /// Cash on hand.
  public var cash: Ratio
  /// Monthly cash burn, excluding compute.
  public var monthlyCashBurn: Ratio
  /// Compute used per month, in the token's units (GPU-hours).
  public var monthlyComputeUnits: Ratio
  /// What a unit of compute costs in cash when no token covers it (the peg per unit, say).
  public var computeUnitPrice: Ratio

  /// Inputs.
  public init(
    cash: Ratio, monthlyCashBurn: Ratio, monthlyComputeUnits: Ratio, computeUnitPrice: Ratio
  ) {
    self.cash = cash
    self.monthlyCashBurn = monthlyCashBurn
    self.monthlyComputeUnits = monthlyComputeUnits
    self.computeUnitPrice = computeUnitPrice
  }
}

/// Runway in months from cash plus compute tokens, exact.
///
/// Redeeming (the tokens pay for compute): with C cash, B monthly cash burn, H compute units a
/// month at p cash per unit, and T token units held (locked tokens are assumed delivered in
/// time), the tokens cover compute for m = T ÷ H months. If C ÷ B ≤ m the cash runs out
/// first: runway = C ÷ B. Otherwise runway = m + (C − B·m) ÷ (B + H·p): after the tokens,
/// compute is bought with cash. The token's market price does not enter: compute is compute.
///
/// Selling (the tokens are sold at market value V and compute is bought): runway =
/// (C + V) ÷ (B + H·p). nil means the money never runs out (nothing is spent).
public enum Runway {
  /// Months of runway redeeming tokens worth `tokenUnits` of compute.
  public static func redeeming(_ inputs: RunwayInputs, tokenUnits: Ratio) -> Ratio? {
    let (cash, burn, units, price) = (
      inputs.cash, inputs.monthlyCashBurn, inputs.monthlyComputeUnits, inputs.computeUnitPrice
    )
    guard units > .zero else { return burn > .zero ? cash / burn : nil }
    let covered = tokenUnits / units
    if burn > .zero, cash / burn <= covered { return cash / burn }
    let after = burn + units * price
    guard after > .zero else { return nil }
    return covered + (cash - burn * covered) / after
  }

  /// Months of runway selling tokens for `tokenValue` and buying compute with cash.
  public static func selling(_ inputs: RunwayInputs, tokenValue: Ratio) -> Ratio? {
    let monthly = inputs.monthlyCashBurn + inputs.monthlyComputeUnits * inputs.computeUnitPrice
    guard monthly > .zero else { return nil }
    return (inputs.cash + tokenValue) / monthly
  }
}
