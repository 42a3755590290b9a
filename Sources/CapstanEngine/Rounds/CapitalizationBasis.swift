/// What a converting security's valuation cap is divided by to give its cap price.
///
/// The documents differ on which shares count; each case names its source. "Base" below means
/// the pre-round capitalization: every share as converted, every option outstanding and the
/// unissued pool before the round.
public enum CapitalizationBasis: String, Sendable, Hashable, Codable, CaseIterable {
  /// Base plus every converting security's conversion shares, without the round's pool
  /// increase: "Company Capitalization" of the YC post-money SAFE (v1.1, section 2).
  case postMoneyCompanyCapitalization = "post-money-company-capitalization"
  /// Base plus the round's pool increase, without any SAFE or note: "Company Capitalization"
  /// of the YC pre-money SAFE (its plan clause counts a pool "created or increased in
  /// connection with the Equity Financing").
  case preMoneyCompanyCapitalization = "pre-money-company-capitalization"
  /// Base plus the pool increase plus every converting security's conversion shares: the
  /// round's pre-money fully diluted shares, over which the round price is divided by default.
  case preMoneyFullyDiluted = "pre-money-fully-diluted"
}
