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
