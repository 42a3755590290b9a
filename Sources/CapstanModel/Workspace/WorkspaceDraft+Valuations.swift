/// Recording valuations: checked against the company (its class, its incorporation) before
/// they are kept, and written in the same transaction as the rest of the write.
extension WorkspaceDraft {
  /// Adds a valuation of a class (named by its id) to a company.
  public mutating func addValuation(_ valuation: ShareValuation, to company: Company.ID) throws {
    let ledger = try ledger(for: company)
    guard let shareClass = ledger.classes.first(where: { $0.id == valuation.shareClass }) else {
      throw LedgerError.unknownClass(valuation.shareClass.rawValue)
    }
    guard valuation.pricePerShare > .zero else {
      throw LedgerError.invalidTerms(
        SecurityID("valuation of \(shareClass.name) on \(valuation.effective)"),
        "the price per share must be positive")
    }
    guard valuation.effective >= ledger.company.incorporated else {
      throw LedgerError.beforeIncorporation(
        date: valuation.effective, incorporated: ledger.company.incorporated,
        company: ledger.company.name)
    }
    keep(valuation, company: company)
  }

  /// Adds a valuation of a class named by its name (case-insensitive).
  @discardableResult
  public mutating func addValuation(
    className: String, pricePerShare: Ratio, effective: CalendarDate,
    kind: ShareValuation.Kind = .section409A, provider: String? = nil,
    boardApproved: CalendarDate? = nil, company: Company.ID
  ) throws -> ShareValuation {
    let shareClass = try ledger(for: company).shareClass(named: className)
    let valuation = ShareValuation(
      effective: effective, shareClass: shareClass.id, pricePerShare: pricePerShare, kind: kind,
      provider: provider?.trimmingSpaces.isEmpty == false ? provider?.trimmingSpaces : nil,
      boardApproved: boardApproved)
    try addValuation(valuation, to: company)
    return valuation
  }
}
