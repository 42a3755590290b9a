/// A transaction voided: a correction that takes it out of every view while the ledger keeps
/// both rows (the mistake and its void, with the reason).
///
/// A void is retroactive: replay leaves the voided transaction out on every date, before and
/// after the void's own date (which records when the correction was made).
public struct Voiding: Sendable, Hashable, Codable {
  /// The sequence number (id) of the transaction voided.
  public var transaction: Int
  /// Why it is voided ("issued to the wrong holder").
  public var reason: String

  /// A void.
  public init(transaction: Int, reason: String) {
    self.transaction = transaction
    self.reason = reason
  }
}

extension Voiding: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.void`.
  public static var kind: LedgerEvent.Kind { .void }

  /// The event: `LedgerEvent.void`.
  public var ledgerEvent: LedgerEvent { .void(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [] }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    // Replay leaves voids and what they void out (`Ledger.replay`).
  }
}
