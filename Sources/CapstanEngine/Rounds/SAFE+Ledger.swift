import CapstanModel

extension SAFE {
  /// The engine's SAFE from the ledger's issuance, with the holder's name.
  public init(_ issuance: SAFEIssuance, holder: String, issued: CalendarDate?) {
    self.init(
      id: issuance.security, holder: holder,
      kind: issuance.kind == .postMoney ? .postMoney : .preMoney,
      purchaseAmount: issuance.purchaseAmount, valuationCap: issuance.valuationCap,
      discount: issuance.discount, mostFavoredNation: issuance.mostFavoredNation ? .granted : .none,
      proRata: issuance.proRata, issued: issued)
  }
}

extension ConvertibleNote {
  /// The engine's note from the ledger's issuance; its cap is read over the pre-money fully
  /// diluted capitalization (the usual note reading).
  public init(_ issuance: NoteIssuance, holder: String, issued: CalendarDate) {
    self.init(
      id: issuance.security, holder: holder, principal: issuance.principal,
      interestRate: issuance.rate,
      compounding: issuance.compounding == .simple ? .simple : .annual,
      dayCount: issuance.dayCount == .actual365 ? .actual365 : .thirty360, issued: issued,
      maturity: issuance.maturity, valuationCap: issuance.valuationCap, discount: issuance.discount,
      capBasis: .preMoneyFullyDiluted)
  }
}
