import CapstanModel

/// Which term set a converting security's price.
public enum BindingTerm: String, Sendable, Hashable, Codable, CaseIterable {
  /// The valuation cap: cap ÷ capitalization.
  case cap
  /// The discount: round price × (1 − discount).
  case discount
  /// Neither beat the round price.
  case roundPrice = "round-price"
}

/// What kind of security converted, with what is particular to it.
public enum ConvertedInstrument: Sendable, Hashable {
  /// A SAFE; `adoptedTermsOf` names the later SAFE whose terms an MFN election took.
  case safe(SAFE.Kind, adoptedTermsOf: SecurityID?)
  /// A convertible note and its accrued interest.
  case note(NoteAccrual)
}

/// How one SAFE or note converted.
public struct SecurityConversion: Sendable, Hashable {
  /// The security.
  public var id: SecurityID
  /// The holder.
  public var holder: RoundParticipant
  /// SAFE or note.
  public var instrument: ConvertedInstrument
  /// The amount that converted: purchase amount, or principal plus rounded interest.
  public var convertingAmount: Ratio
  /// The cap and discount it converted on (after any MFN election).
  public var terms: SAFETerms
  /// What the cap was divided by.
  public var capBasis: CapitalizationBasis
  /// The capitalization the cap was divided by (fractional where conversion shares count).
  public var capitalization: Ratio
  /// The cap price, exact, when there is a cap.
  public var capPrice: Ratio?
  /// The discount price, exact, when there is a discount.
  public var discountPrice: Ratio?
  /// The price it converted at: the lowest of cap price, discount price and round price.
  public var conversionPrice: Ratio
  /// Which term gave that price.
  public var binding: BindingTerm
  /// Shares issued: floor(converting amount ÷ conversion price).
  public var shares: Shares
}
