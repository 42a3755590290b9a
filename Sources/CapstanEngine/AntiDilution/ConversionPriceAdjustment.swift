import CapstanModel

/// A protected class's new conversion price after a dilutive issuance, its new conversion
/// ratio, and the common its shares now convert into.
public struct ConversionPriceAdjustment: Sendable, Hashable {
  /// The protection applied.
  public var protection: AntiDilution
  /// CP1: the conversion price before.
  public var cp1: Ratio
  /// CP2: the conversion price after, rounded per the policy (CP1 when nothing changed).
  public var cp2: Ratio
  /// The weighted average computed, for the weighted-average protections.
  public var weightedAverage: WeightedAverageAdjustment?
  /// Common shares per share now: original issue price ÷ CP2.
  public var conversionRatio: Ratio
  /// The protected shares as converted: floor(shares × conversion ratio).
  public var asConvertedShares: Shares

  /// Whether the issuance moved the conversion price.
  public var adjusted: Bool { cp2 != cp1 }

  /// Adjusts the conversion price of a protected series for `issuance`.
  ///
  /// Nothing changes when the issuance is priced at or above CP1, or without protection.
  /// Broad-based weighted average takes A from `base`; narrow-based takes A per
  /// `base.narrowBase` (by default the protected series as converted at CP1); full ratchet sets CP2 to the new price. CP2 is rounded
  /// half-up to `policy.antiDilutionPricePlaces`; it never rises above CP1.
  /// - Parameters:
  ///   - protection: the class's anti-dilution protection.
  ///   - originalIssuePrice: the class's original issue price.
  ///   - cp1: the conversion price in effect before the issue.
  ///   - shares: the protected class's shares outstanding.
  ///   - issuance: the new money and the shares it bought.
  ///   - base: what is outstanding before the issue (broad-based A).
  public init(
    protection: AntiDilution, originalIssuePrice: Ratio, cp1: Ratio, shares: Shares,
    issuance: DilutiveIssuance, base: AntiDilutionBase, policy: RoundingPolicy = .standard
  ) throws(AntiDilutionError) {
    guard originalIssuePrice > .zero else { throw .nonPositivePrice(originalIssuePrice) }
    guard cp1 > .zero else { throw .nonPositivePrice(cp1) }
    guard issuance.sharesIssued > .zero else { throw .noSharesIssued }
    guard !issuance.newMoney.isNegative else { throw .negativeNewMoney(issuance.newMoney) }
    guard shares >= .zero else { throw .negativeShares(shares) }
    self.protection = protection
    self.cp1 = cp1
    var cp2 = cp1
    var weightedAverage: WeightedAverageAdjustment?
    if issuance.price < cp1 {
      switch protection {
      case .none:
        break
      case .broadBasedWeightedAverage:
        let adjustment = WeightedAverageAdjustment(
          cp1: cp1, a: base.broadBasedA, issuance: issuance)
        weightedAverage = adjustment
        cp2 = adjustment.cp2(policy)
      case .narrowBasedWeightedAverage:
        let a = base.narrowA ?? Ratio((shares.ratio * originalIssuePrice / cp1).floor)
        let adjustment = WeightedAverageAdjustment(cp1: cp1, a: a, issuance: issuance)
        weightedAverage = adjustment
        cp2 = adjustment.cp2(policy)
      case .fullRatchet:
        cp2 = issuance.price.rounded(places: policy.antiDilutionPricePlaces, .halfUp)
      }
    }
    cp2 = min(cp2, cp1)
    guard cp2 > .zero else { throw .nonPositivePrice(cp2) }
    self.cp2 = cp2
    self.weightedAverage = weightedAverage
    let ratio = originalIssuePrice / cp2
    self.conversionRatio = ratio
    guard let converted = Int64(exactly: (shares.ratio * ratio).floor) else {
      throw .overflow("\(shares) shares × \(ratio.fractionString)")
    }
    self.asConvertedShares = Shares(converted)
  }
}

/// Why an anti-dilution adjustment cannot be computed.
public enum AntiDilutionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A price (original issue price, CP1, or CP2 after rounding) at or below zero.
  case nonPositivePrice(Ratio)
  /// An issuance of no shares.
  case noSharesIssued
  /// New money below zero.
  case negativeNewMoney(Ratio)
  /// Protected shares below zero.
  case negativeShares(Shares)
  /// A count beyond what can be represented.
  case overflow(String)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .nonPositivePrice(let price):
      "a conversion or issue price must be above zero (got \(price.decimalString(places: 6)))"
    case .noSharesIssued:
      "the issuance must issue at least one share"
    case .negativeNewMoney(let money):
      "the new money must not be negative (got \(money.decimalString(places: 2)))"
    case .negativeShares(let shares):
      "the protected class cannot have a negative number of shares (\(shares))"
    case .overflow(let what):
      "the numbers are too large to compute (\(what))"
    }
  }
}
