import CapstanModel

/// The economic terms of a SAFE: an optional valuation cap and an optional discount.
public struct SAFETerms: Sendable, Hashable, Codable {
  /// The valuation cap ("Post-Money Valuation Cap" or "Valuation Cap"), if any.
  public var valuationCap: Ratio?
  /// The discount off the round price, if any: 0.2 for 20 %.
  ///
  /// The YC SAFE states the "Discount Rate" instead, which is `1 − discount`.
  public var discount: Ratio?

  /// Terms with an optional cap and an optional discount.
  public init(valuationCap: Ratio? = nil, discount: Ratio? = nil) {
    self.valuationCap = valuationCap
    self.discount = discount
  }
}

/// A SAFE holder's most-favoured-nation right and whether it has been used.
///
/// The YC MFN SAFE lets its holder amend the SAFE to the terms of a later convertible security
/// the holder finds preferable. The engine models the election, not the judgement: a SAFE that
/// is `.adopting` another takes that SAFE's cap and discount, keeping its own amount and kind.
public enum MostFavoredNation: Sendable, Hashable, Codable {
  /// No MFN right.
  case none
  /// An MFN right that the holder has not used.
  case granted
  /// An MFN right used: the SAFE converts on the cap and discount of the named later SAFE.
  case adopting(SecurityID)
}
