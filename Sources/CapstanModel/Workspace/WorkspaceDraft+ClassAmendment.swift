extension WorkspaceDraft {
  /// Records a charter amendment of the class named `className` from `date` on: each term
  /// given replaces the one in force on that date, and the terms not given stay as they were
  /// (a preference term of a class without a preference, common stock, is refused). Returns
  /// the amendment's transaction.
  public mutating func amendClass(
    named className: String, on date: CalendarDate, multiple: Ratio? = nil,
    participation: Participation? = nil, seniority: Int? = nil,
    antiDilution: AntiDilution? = nil, votesPerShare: Ratio? = nil, company: Company.ID
  ) throws -> Transaction {
    let ledger = try ledger(for: company)
    let shareClass = try ledger.shareClass(named: className)
    let current = try ledger.replay(asOf: date).classes[shareClass.id]?.definition ?? shareClass
    var preference: LiquidationPreference?
    if multiple != nil || participation != nil || seniority != nil {
      guard let old = current.preference else {
        throw LedgerError.invalidAmendment(
          shareClass: current.name, problem: "common stock has no liquidation preference")
      }
      preference = LiquidationPreference(
        multiple: multiple ?? old.multiple, participation: participation ?? old.participation,
        seniority: seniority ?? old.seniority)
    }
    let amendment = ClassAmendment(
      shareClass: shareClass.id, preference: preference, antiDilution: antiDilution,
      votesPerShare: votesPerShare)
    let written = try append([(date, .amendClass(amendment))], to: company)
    guard let transaction = written.first else {
      throw LedgerError.invalidAmendment(shareClass: current.name, problem: "nothing recorded")
    }
    return transaction
  }
}
