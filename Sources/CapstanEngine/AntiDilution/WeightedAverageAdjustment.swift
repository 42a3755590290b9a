import CapstanModel

/// The weighted-average conversion price adjustment of the NVCA model charter.
///
/// CP2 = CP1 × (A + B) ÷ (A + C), where (NVCA model certificate of incorporation, Section
/// 4.4.4): CP1 is the conversion price in effect just before the issue; A the shares deemed
/// outstanding just before it (broad-based: common, preferred as converted and options
/// outstanding; narrow-based: the protected series only); B the shares the new money would
/// have bought at CP1; C the shares actually issued.
public struct WeightedAverageAdjustment: Sendable, Hashable {
  /// CP1: the conversion price in effect just before the issue.
  public var cp1: Ratio
  /// A: shares deemed outstanding just before the issue.
  public var a: Ratio
  /// B: the new money ÷ CP1.
  public var b: Ratio
  /// C: the shares actually issued.
  public var c: Ratio

  /// The adjustment for `issuance` against conversion price `cp1` and base `a`.
  public init(cp1: Ratio, a: Ratio, issuance: DilutiveIssuance) {
    self.cp1 = cp1
    self.a = a
    self.b = issuance.newMoney / cp1
    self.c = issuance.sharesIssued.ratio
  }

  /// CP2 exactly: CP1 × (A + B) ÷ (A + C).
  public var exactCP2: Ratio { cp1 * (a + b) / (a + c) }

  /// CP2 rounded per the policy (half-up to 4 decimals by default, the charter's "nearest
  /// one-hundredth of a cent").
  public func cp2(_ policy: RoundingPolicy = .standard) -> Ratio {
    exactCP2.rounded(places: policy.antiDilutionPricePlaces, .halfUp)
  }
}
