/// Recording control records (board seats, protective provisions, compute use): checked against
/// the company and the positions held, and written in the same transaction as the rest of the
/// write.
extension WorkspaceDraft {
  /// The company's control records, including any added in this write, in recording order.
  public func controlRecords(for company: Company.ID) throws -> [ControlRecord] {
    try loadControlRecords(company)
      + changes.controlRecords.filter { $0.company == company }.map(\.item)
  }

  /// Adds a control record to a company.
  ///
  /// The record is dated on or after incorporation, names a stakeholder of the workspace, and
  /// ends only a seat or provision its holder holds on its date.
  public mutating func addControlRecord(_ record: ControlRecord, to company: Company.ID) throws {
    let ledger = try ledger(for: company)
    guard record.date >= ledger.company.incorporated else {
      throw LedgerError.beforeIncorporation(
        date: record.date, incorporated: ledger.company.incorporated,
        company: ledger.company.name)
    }
    if let holder = record.fact.holder {
      guard let stakeholder = ledger.stakeholders[holder] else {
        throw LedgerError.unknownStakeholder(holder.rawValue)
      }
      let held = ControlPositions(try controlRecords(for: company), asOf: record.date)
      switch record.fact {
      case .boardSeatEnded(_, let seat) where !held.holds(holder, seat: seat):
        throw LedgerError.controlNotHeld(
          holder: stakeholder.name, what: "the board seat \"\(seat)\"", date: record.date)
      case .protectiveProvisionEnded(_, let provision)
      where !held.holds(holder, provision: provision):
        throw LedgerError.controlNotHeld(
          holder: stakeholder.name, what: "the provision \"\(provision)\"", date: record.date)
      default: break
      }
    }
    changes.controlRecords.append(CompanyItem(company: company, item: record))
  }
}

extension ControlRecord.Fact {
  /// The stakeholder the fact is about, if any (compute use is about the company).
  public var holder: Stakeholder.ID? {
    switch self {
    case .boardSeat(let holder, _), .protectiveProvision(let holder, _),
      .boardSeatEnded(let holder, _), .protectiveProvisionEnded(let holder, _):
      holder
    case .computeUse: nil
    }
  }
}
