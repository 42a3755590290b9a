/// A dated fact about who governs or supplies a company, outside the cap table: a board seat,
/// a protective provision held, or the compute the company used.
///
/// Kept beside the ledger (append-only, dated) because none of them moves shares; the
/// portfolio report reads them for its control and dependency flags.
public struct ControlRecord: Sendable, Hashable, Codable {
  /// What is recorded.
  public enum Fact: Sendable, Hashable, Codable {
    /// `holder` holds (appoints) a board seat from the record's date.
    case boardSeat(holder: Stakeholder.ID, seat: String)
    /// `holder` holds a protective provision (a veto in the charter or an investor agreement).
    case protectiveProvision(holder: Stakeholder.ID, provision: String)
    /// The company used `gpuHours` of compute (from every supplier) in the period that ends on
    /// the record's date; the periods of successive records add up.
    case computeUse(gpuHours: Ratio)
  }

  /// The effective date.
  public var date: CalendarDate
  /// What is recorded.
  public var fact: Fact

  /// A record.
  public init(date: CalendarDate, fact: Fact) {
    self.date = date
    self.fact = fact
  }
}

/// A workspace that keeps control records (board seats, provisions, compute use).
public protocol ControlRecordStore: Sendable {
  /// A company's control records, in the order recorded.
  func controlRecords(for company: Company.ID) throws -> [ControlRecord]
  /// Appends one record to a company, atomically.
  func append(_ record: ControlRecord, company: Company.ID) throws
}
