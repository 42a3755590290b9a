import CapstanModel

extension WorkspaceDraft {
  /// Issues stock (as `issueStock`) and, unless the issuance is `exempt`, records the
  /// conversion-price adjustments it triggers in the protected preferred classes on the same
  /// day, from the snapshot before the issue (new money = shares × price per share; NVCA model
  /// charter 4.4.4). Returns the issue and the adjustments recorded.
  public mutating func issueStock(
    to holder: String, quantity: Shares, className: String, pricePerShare: Ratio,
    date: CalendarDate, vesting: VestingSchedule?, vestingTerms: VestingTerms?, exempt: Bool,
    company: Company.ID
  ) throws -> (issue: Transaction, adjustments: [ClassAntiDilution]) {
    let before = try ledger(for: company).replay(asOf: date)
    let issued = try issueStock(
      to: holder, quantity: quantity, className: className, pricePerShare: pricePerShare,
      date: date, vesting: vesting, company: company, vestingTerms: vestingTerms)
    guard !exempt, quantity > .zero else { return (issued, []) }
    let rounding = try ledger(for: company).company.rounding
    let adjustments = try before.antiDilution(
      for: DilutiveIssuance(newMoney: quantity.ratio * pricePerShare, sharesIssued: quantity),
      policy: rounding)
    try append(
      adjustments.map {
        (
          date,
          LedgerEvent.adjustConversionPrice(
            ConversionPriceChange(
              shareClass: $0.shareClass, newConversionPrice: $0.adjustment.cp2))
        )
      }, to: company)
    return (issued, adjustments)
  }
}
