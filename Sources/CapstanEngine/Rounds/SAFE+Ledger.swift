import CapstanModel

extension SAFE {
  /// The engine's SAFE from the ledger's issuance; `holder` is its stakeholder.
  public init(_ issuance: SAFEIssuance, holder: RoundParticipant, issued: CalendarDate?) {
    self.init(
      id: issuance.security, holder: holder,
      kind: issuance.kind,
      purchaseAmount: issuance.purchaseAmount, valuationCap: issuance.valuationCap,
      discount: issuance.discount, mostFavoredNation: issuance.mostFavoredNation ? .granted : .none,
      proRata: issuance.proRata, issued: issued)
  }
}

extension ConvertibleNote {
  /// The engine's note from the ledger's issuance, its cap over the basis the note states.
  public init(_ issuance: NoteIssuance, holder: RoundParticipant, issued: CalendarDate) {
    self.init(
      id: issuance.security, holder: holder, principal: issuance.principal,
      interestRate: issuance.rate,
      compounding: issuance.compounding,
      dayCount: issuance.dayCount, issued: issued,
      maturity: issuance.maturity, valuationCap: issuance.valuationCap, discount: issuance.discount,
      capBasis: issuance.capBasis)
  }
}
