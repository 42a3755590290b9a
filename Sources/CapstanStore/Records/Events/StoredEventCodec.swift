import CapstanModel

/// How one kind of ledger event is kept in a `transactions` row: each payload type conforms
/// (`Records/Events/*+Stored.swift`) and `storedEventCodecs` finds it by the row's `kind`.
///
/// Each kind fills the typed columns its payload needs and leaves the others NULL; a payload
/// that no typed column fits keeps its JSON in `extra`.
protocol StoredEventCodec: LedgerEventPayload {
  /// Sets this payload's columns of `record` (which are NULL); `memo` formats repeated dates
  /// and prices once.
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws
  /// The payload of a row of this kind.
  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self
}

extension StoredEventCodec {
  /// Sets the columns of `event`, which is of this kind.
  static func write(
    _ event: LedgerEvent, to record: inout TransactionRecord, memo: inout StoredTextMemo
  ) throws {
    guard let payload = event.payload(as: Self.self) else {
      throw WorkspaceError.storage("a \(event.kind) event has no \(kind) payload")
    }
    try payload.write(to: &record, memo: &memo)
  }

  /// The event of a row of this kind.
  static func readEvent(
    _ row: StoredRow, memo: inout TransactionMemo
  ) throws(StoreError) -> LedgerEvent {
    try read(row, memo: &memo).ledgerEvent
  }
}

/// The store's codec of every kind of event, by kind: each kind's payload type
/// (`LedgerEvent.payloadType(of:)`) that conforms to `StoredEventCodec` (`EveryKindStoreTests`
/// checks that every kind has one and round-trips).
let storedEventCodecs: [LedgerEvent.Kind: any StoredEventCodec.Type] = Dictionary(
  uniqueKeysWithValues: LedgerEvent.Kind.allCases.compactMap { kind in
    (LedgerEvent.payloadType(of: kind) as? any StoredEventCodec.Type).map { (kind, $0) }
  })
