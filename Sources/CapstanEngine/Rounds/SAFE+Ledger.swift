import CapstanModel

extension SAFE {
  /// The engine's SAFE from the ledger's issuance; `holder` is its stakeholder.
  public init(_ issuance: SAFEIssuance, holder: RoundParticipant, issued: CalendarDate?) {
    self.init(
      id: issuance.security, holder: holder,
      kind: issuance.kind == .postMoney ? .postMoney : .preMoney,
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
      compounding: issuance.compounding == .simple ? .simple : .annual,
      dayCount: issuance.dayCount == .actual365 ? .actual365 : .thirty360, issued: issued,
      maturity: issuance.maturity, valuationCap: issuance.valuationCap, discount: issuance.discount,
      capBasis: CapitalizationBasis(issuance.capBasis))
  }
}

extension CapitalizationBasis {
  /// The engine's basis for a note's stated one.
  public init(_ basis: NoteIssuance.CapBasis) {
    switch basis {
    case .preMoneyFullyDiluted: self = .preMoneyFullyDiluted
    case .preMoneyCompanyCapitalization: self = .preMoneyCompanyCapitalization
    case .postMoneyCompanyCapitalization: self = .postMoneyCompanyCapitalization
    }
  }
}

extension NoteIssuance.CapBasis {
  /// The ledger's basis for the engine's.
  public init(_ basis: CapitalizationBasis) {
    switch basis {
    case .preMoneyFullyDiluted: self = .preMoneyFullyDiluted
    case .preMoneyCompanyCapitalization: self = .preMoneyCompanyCapitalization
    case .postMoneyCompanyCapitalization: self = .postMoneyCompanyCapitalization
    }
  }
}
