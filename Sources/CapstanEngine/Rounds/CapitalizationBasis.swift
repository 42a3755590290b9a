import CapstanModel

/// What a converting security's valuation cap is divided by to give its cap price: the note's
/// type (one vocabulary, declared in Model).
///
/// The documents differ on which shares count. "Base" below means the pre-round
/// capitalization: every share as converted, every option outstanding and the unissued pool
/// before the round. `postMoneyCompanyCapitalization`: base plus every converting security's
/// conversion shares, without the round's pool increase ("Company Capitalization" of the YC
/// post-money SAFE, v1.1, section 2). `preMoneyCompanyCapitalization`: base plus the round's
/// pool increase, without any SAFE or note ("Company Capitalization" of the YC pre-money
/// SAFE, whose plan clause counts a pool "created or increased in connection with the Equity
/// Financing"). `preMoneyFullyDiluted`: base plus the pool increase plus every converting
/// security's conversion shares, the round's pre-money fully diluted shares over which the
/// round price is divided by default.
public typealias CapitalizationBasis = NoteIssuance.CapBasis
