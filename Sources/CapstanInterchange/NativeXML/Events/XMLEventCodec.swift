import CapstanModel
import CapstanXML

/// How one kind of ledger event is written and read as a Capstan XML element named
/// `kind.rawValue`: each payload type conforms (`NativeXML/Events/*+XML.swift`) and
/// `xmlEventCodecs` finds it by the element's name.
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

  /// Writes `event`, which is of this kind.
  static func writeXML(
    _ event: LedgerEvent, seq: String, date: String, into w: inout XMLTextWriter
  ) throws(NativeXMLWriteError) {
    try event.payload(as: Self.self)?.writeXML(seq: seq, date: date, into: &w)
  }

  /// The event of an element of this kind.
  static func readEvent(_ element: XMLElement, _ f: Fields, in reader: NativeXMLReader)
    throws(ImportError) -> LedgerEvent
  {
    try readXML(element, f, in: reader).ledgerEvent
  }
}

/// The Capstan XML codec of every kind of event, by kind: each kind's payload type
/// (`LedgerEvent.payloadType(of:)`) that conforms to `XMLEventCodec` (`EveryKindXMLTests`
/// checks that every kind has one and round-trips).
let xmlEventCodecs: [LedgerEvent.Kind: any XMLEventCodec.Type] = Dictionary(
  uniqueKeysWithValues: LedgerEvent.Kind.allCases.compactMap { kind in
    (LedgerEvent.payloadType(of: kind) as? any XMLEventCodec.Type).map { (kind, $0) }
  })
