import CapstanModel
import CapstanXML

/// How one kind of ledger event is written and read as a Capstan XML element named
/// `kind.rawValue`: each payload type conforms (`NativeXML/Events/*+XML.swift`) and is listed,
/// beside its conformance, in its area's list of `XMLEventTable.Entry`; `XMLEventTable.shared`
/// finds it by the element's name.
protocol XMLEventCodec: LedgerEventPayload {
  /// The attributes the element may carry besides `seq` and `date` (others are refused).
  static var xmlAttributes: [String] { get }
  /// Whether the element holds children, which `readXML` reads through its end tag (else the
  /// reader checks that it is empty).
  static var readsChildren: Bool { get }
  /// Writes the element, with `seq` and `date`.
  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  /// The payload of an element of this kind (`f`: its checked attributes); `reader` resolves
  /// the file's ids and reads children.
  static func readXML(_ element: XMLElement, _ f: Fields, in reader: NativeXMLReader)
    throws(ImportError) -> Self
}

extension XMLEventCodec {
  /// An empty element.
  static var readsChildren: Bool { false }
}

/// The Capstan XML codec of every kind of event, by kind (`EveryKindXMLTests` checks that
/// every kind has exactly one and round-trips).
///
/// The table is built from the areas' lists of entries, each made from its payload type by a
/// generic initializer: no runtime protocol cast (which would scan the binary's conformance
/// records), and each entry's functions are specialized for its type.
struct XMLEventTable: Sendable {
  /// One kind's element: its payload type's attributes, `writeXML` and `readXML`.
  struct Entry: Sendable {
    /// The kind, whose word names the element.
    let kind: LedgerEvent.Kind
    /// The attributes the element may carry besides `seq` and `date`.
    let xmlAttributes: [String]
    /// Whether the element holds children.
    let readsChildren: Bool
    /// Writes an event of this kind, with `seq` and `date`.
    let write:
      @Sendable (LedgerEvent, String, String, inout XMLTextWriter) throws(NativeXMLWriteError)
        -> Void
    /// The event of an element of this kind.
    let read: @Sendable (XMLElement, Fields, NativeXMLReader) throws(ImportError) -> LedgerEvent

    /// The entry of `Codec`'s kind.
    init<Codec: XMLEventCodec>(_ codec: Codec.Type) {
      kind = Codec.kind
      xmlAttributes = Codec.xmlAttributes
      readsChildren = Codec.readsChildren
      write = { (event, seq, date, w) throws(NativeXMLWriteError) in
        try event.payload(as: Codec.self)?.writeXML(seq: seq, date: date, into: &w)
      }
      read = { (element, f, reader) throws(ImportError) in
        try Codec.readXML(element, f, in: reader).ledgerEvent
      }
    }
  }

  /// Every area's entries (`NativeXML/Events/*+XML.swift`).
  static let shared = XMLEventTable(
    issueEvents + stockEvents + convertibleEvents + tokenEvents + vestingEvents
      + correctionEvents + companyEvents + computeSAFEEvents + revenueShareEvents)

  /// The entries by kind.
  private let byKind: [LedgerEvent.Kind: Entry]
  /// Every kind listed more than once (none: `EveryKindXMLTests` checks).
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
    self.duplicates = duplicates
  }

  /// The entry of `kind`, if this version reads and writes it.
  subscript(kind: LedgerEvent.Kind) -> Entry? { byKind[kind] }

  /// Every kind with an entry.
  var kinds: Set<LedgerEvent.Kind> { Set(byKind.keys) }
}
