/// Which class SAFEs and notes convert into when a priced round closes.
///
/// The YC post-money safe converts into "Safe Preferred Stock": shares of the round's series
/// whose original issue price, liquidation preference per share and initial conversion price
/// (for anti-dilution) equal the safe's Conversion Price, so a safe bought at a cap does not
/// take the new money's preference. Some documents convert into the round's class itself.
public enum ConversionSeries: String, Sendable, Hashable, Codable, CaseIterable {
  /// Each SAFE and note converting below the round price gets its own sub-series of the round
  /// class (`Series A-1`, `Series A-2`, in conversion order), priced at its conversion price;
  /// one converting at the round price joins the round class (the default).
  case subSeries = "sub-series"
  /// Every SAFE and note converts into the round's class, at the round class's terms.
  case roundClass = "round-class"
}
