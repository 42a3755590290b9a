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
  /// ends only a seat, provision or right its holder holds on its date; a right is checked by
  /// `check(_:from:)`, a segment's name (trimmed) like any name.
  public mutating func addControlRecord(_ given: ControlRecord, to company: Company.ID) throws {
    var record = given
    if case .segment(let name) = given.fact { record.fact = .segment(name.trimmingSpaces) }
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
      case .rightEnded(_, let kind, let name) where !held.holds(holder, kind, name: name):
        throw LedgerError.controlNotHeld(
          holder: stakeholder.name, what: "the \(kind.rawValue) right \"\(name)\"",
          date: record.date)
      case .right(let right):
        try Self.check(right, from: record.date)
      default: break
      }
    }
    if case .segment(let name) = record.fact, let reason = NameText.problem(name) {
      throw LedgerError.invalidName(kind: "segment", name: name, reason: reason)
    }
    changes.controlRecords.append(CompanyItem(company: company, item: record))
  }
}

extension ControlRecord.Fact {
  /// The stakeholder the fact is about, if any (compute use is about the company).
  public var holder: Stakeholder.ID? {
    switch self {
    case .boardSeat(let holder, _), .protectiveProvision(let holder, _),
      .boardSeatEnded(let holder, _), .protectiveProvisionEnded(let holder, _),
      .rightEnded(let holder, _, _):
      holder
    case .right(let right): right.holder
    case .computeUse, .segment: nil
    }
  }
}

extension WorkspaceDraft {
  /// Refuses a right with an empty name, an end on or before its start, or a spend commitment
  /// without a positive amount.
  static func check(_ right: ControlRight, from date: CalendarDate) throws {
    if let reason = NameText.problem(right.name) {
      throw LedgerError.invalidName(
        kind: "\(right.kind.rawValue) right", name: right.name, reason: reason)
    }
    if let ends = right.ends, ends <= date {
      throw InputError.invalid(
        field: "--ends", input: ends.iso, expected: "a date after the right's start (\(date.iso))")
    }
    if right.kind == .spendCommitment {
      guard let amount = right.amount, amount > .zero else {
        throw InputError.invalid(
          field: "--amount", input: right.amount?.fractionString ?? "(not given)",
          expected: "the committed spend, a positive amount")
      }
    }
  }
}
