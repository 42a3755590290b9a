/// One dated, immutable entry of a company's ledger.
///
/// The ledger is append-only: a correction is a new transaction. Replay orders entries by
/// date, then by `sequence` (the order they were recorded in).
public struct Transaction: Sendable, Hashable, Codable, Identifiable {
  /// Recording order within the company; also the transaction's id.
  public var sequence: Int
  /// The effective date.
  public var date: CalendarDate
  /// What happened.
  public var event: LedgerEvent

  /// The transaction's id (its sequence number).
  public var id: Int { sequence }

  /// A transaction.
  public init(sequence: Int, date: CalendarDate, event: LedgerEvent) {
    self.sequence = sequence
    self.date = date
    self.event = event
  }
}
