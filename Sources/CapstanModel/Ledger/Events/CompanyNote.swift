/// A dated note on the company's ledger (a board minute, a filing, a letter kept with the
/// record): it changes no number; `ledger` lists it in its place.
public struct CompanyNote: Sendable, Hashable, Codable {
  /// The note, in the company's words.
  public var text: String

  /// A note.
  public init(text: String) {
    self.text = text
  }
}

extension CompanyNote: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.companyNote`.
  public static var kind: LedgerEvent.Kind { .companyNote }

  /// The event: `LedgerEvent.noteCompany`.
  public var ledgerEvent: LedgerEvent { .noteCompany(self) }

  /// A note names no security.
  public var securityIDs: [SecurityID] { [] }

  /// A note changes nothing in the snapshot.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {}
}
