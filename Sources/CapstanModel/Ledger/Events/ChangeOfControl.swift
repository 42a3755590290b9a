/// A change of control of the company (a sale or merger): single-trigger acceleration happens
/// on it, and it opens the window of double-trigger acceleration.
public struct ChangeOfControl: Sendable, Hashable, Codable {
  /// A description (`acquired by MegaCorp`), if any.
  public var note: String?

  /// A change of control.
  public init(note: String? = nil) { self.note = note }
}

extension ChangeOfControl: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.changeOfControl`.
  public static var kind: LedgerEvent.Kind { .changeOfControl }

  /// The event: `LedgerEvent.changeOfControl`.
  public var ledgerEvent: LedgerEvent { .changeOfControl(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [] }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    table.recordChangeOfControl(on: date)
  }
}
