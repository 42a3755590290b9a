/// What "A" counts in a narrow-based weighted-average adjustment.
///
/// The NVCA model charter (Section 4.4.4) defines A broadly, as all common deemed outstanding;
/// "narrow-based" is any smaller base a deal names instead. The three bases deals use:
public enum NarrowBase: String, Sendable, Hashable, Codable, CaseIterable {
  /// The protected series only, as converted at CP1.
  case series
  /// Every preferred series outstanding, as converted.
  case preferred
  /// Common and preferred (as converted) outstanding, without options or warrants.
  case outstanding
}
