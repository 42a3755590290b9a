import CapstanModel

/// How one kind of ledger event is kept in a `transactions` row: each payload type conforms
/// (`Records/Events/*+Stored.swift`) and is listed, beside its conformance, in its area's list
/// of `StoredEventTable.Entry`; `StoredEventTable.shared` finds it by the row's `kind`.
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

/// The store's codec of every kind of event, by kind (`EveryKindStoreTests` checks that every
/// kind has exactly one and round-trips).
///
/// The table is built from the areas' lists of entries, each entry made from its payload type
/// by a generic initializer: no runtime protocol cast, so opening a workspace does not scan
/// the binary's conformance records, and each entry's functions are specialized for its type.
struct StoredEventTable: Sendable {
  /// One kind's stored form: its payload type's `write` and `read`, specialized.
  struct Entry: Sendable {
    /// The kind.
    let kind: LedgerEvent.Kind
    /// Sets the columns of an event of this kind.
    let write: @Sendable (LedgerEvent, inout TransactionRecord, inout StoredTextMemo) throws -> Void
    /// The event of a row of this kind.
    let read: @Sendable (StoredRow, inout TransactionMemo) throws(StoreError) -> LedgerEvent

    /// The entry of `Codec`'s kind.
    init<Codec: StoredEventCodec>(_ codec: Codec.Type) {
      kind = Codec.kind
      write = { event, record, memo in
        guard let payload = event.payload(as: Codec.self) else {
          throw WorkspaceError.storage("a \(event.kind) event has no \(Codec.kind) payload")
        }
        try payload.write(to: &record, memo: &memo)
      }
      read = { (row, memo) throws(StoreError) in try Codec.read(row, memo: &memo).ledgerEvent }
    }
  }

  /// Every area's entries (`Records/Events/*+Stored.swift`).
  static let shared = StoredEventTable(
    stockEvents + convertibleEvents + tokenEvents + vestingEvents + correctionEvents
      + companyEvents + computeSAFEEvents + revenueShareEvents)

  /// The entries by kind.
  private let byKind: [LedgerEvent.Kind: Entry]
  /// The entries by the word the `kind` column holds (a row's text is looked up once).
  private let byWord: [String: Entry]
  /// Every kind listed more than once (none: `EveryKindStoreTests` checks).
  let duplicates: [LedgerEvent.Kind]

  init(_ entries: [Entry]) {
    var byKind: [LedgerEvent.Kind: Entry] = [:]
    var duplicates: [LedgerEvent.Kind] = []
    for entry in entries {
      if byKind[entry.kind] == nil {
        byKind[entry.kind] = entry
      } else {
        duplicates.append(entry.kind)
      }
    }
    self.byKind = byKind
    byWord = Dictionary(uniqueKeysWithValues: byKind.map { ($0.key.rawValue, $0.value) })
    self.duplicates = duplicates
  }

  /// The entry of `kind`, if this version stores it.
  subscript(kind: LedgerEvent.Kind) -> Entry? { byKind[kind] }

  /// The entry of the kind whose word is `word`, if this version stores it.
  subscript(word word: String) -> Entry? { byWord[word] }

  /// Every kind with an entry.
  var kinds: Set<LedgerEvent.Kind> { Set(byKind.keys) }
}
