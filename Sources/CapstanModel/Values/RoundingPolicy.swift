/// The rounding rules a company's deal documents use; the defaults follow DESIGN.md.
///
/// Computations stay exact; rounding happens only at the points named here.
public struct RoundingPolicy: Sendable, Hashable, Codable {
  /// Decimal places of the round price per share (default 4, half-up).
  public var roundPricePlaces: Int
  /// How the round price is rounded (default half-up).
  public var roundPriceRule: RoundingRule
  /// Decimal places of a conversion price after an anti-dilution adjustment (default 4).
  public var antiDilutionPricePlaces: Int
  /// Decimal places note interest is rounded to before conversion (default 2, cents).
  public var interestPlaces: Int
  /// Decimal places money is shown with (default 2).
  public var moneyDisplayPlaces: Int

  /// The defaults of DESIGN.md: computed share counts are always floored.
  public static let standard = RoundingPolicy(
    roundPricePlaces: 4, roundPriceRule: .halfUp, antiDilutionPricePlaces: 4, interestPlaces: 2,
    moneyDisplayPlaces: 2)

  /// A policy with explicit rules.
  public init(
    roundPricePlaces: Int, roundPriceRule: RoundingRule, antiDilutionPricePlaces: Int,
    interestPlaces: Int, moneyDisplayPlaces: Int
  ) {
    self.roundPricePlaces = roundPricePlaces
    self.roundPriceRule = roundPriceRule
    self.antiDilutionPricePlaces = antiDilutionPricePlaces
    self.interestPlaces = interestPlaces
    self.moneyDisplayPlaces = moneyDisplayPlaces
  }

  /// A share count from an exact quantity: always floored (fractions are never issued).
  public func shares(_ exact: Ratio) -> Shares {
    Shares(Int64(clamping: exact.floor))
  }

  /// The round price per share from the exact price.
  public func roundPrice(_ exact: Ratio) -> Ratio {
    exact.rounded(places: roundPricePlaces, roundPriceRule)
  }
}
