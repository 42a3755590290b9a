import CapstanModel
import CapstanXML

extension TokenRedemption: XMLEventCodec {
  static let xmlAttributes = ["grant", "tokens"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      ["seq": seq, "date": date, "grant": grant.rawValue, "tokens": String(tokens.count)],
      indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return TokenRedemption(grant: try f.security("grant"), tokens: try f.tokens("tokens"))
  }
}

extension TokenSale: XMLEventCodec {
  static let xmlAttributes = ["grant", "tokens", "price"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "grant": grant.rawValue, "tokens": String(tokens.count),
        "price": NativeXMLWriter.number(price),
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return TokenSale(
      grant: try f.security("grant"), tokens: try f.tokens("tokens"),
      price: try f.ratio("price"))
  }
}

extension TokenClawback: XMLEventCodec {
  static let xmlAttributes = ["grant", "tokens", "event"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "grant": grant.rawValue, "tokens": String(tokens.count),
        "event": event,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return TokenClawback(
      grant: try f.security("grant"), tokens: try f.tokens("tokens"),
      event: try f.required("event"))
  }
}

/// `<compute-grant>` and its children (`NativeXMLWriter.emit(_:seq:date:into:)`,
/// `NativeXMLReader.computeGrant(_:_:)`).
extension ComputeGrant: XMLEventCodec {
  static let xmlAttributes = [
    "security", "provider", "symbol", "tokens", "agreed-price", "expires", "clawback-on",
  ]
  static var readsChildren: Bool { true }

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try NativeXMLWriter.emit(self, seq: seq, date: date, into: &w)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    try reader.computeGrant(element, f)
  }
}

extension XMLEventTable {
  /// The elements of the token events, in this file.
  static let tokenEvents: [Entry] = [
    .init(TokenRedemption.self),
    .init(TokenSale.self),
    .init(TokenClawback.self),
    .init(ComputeGrant.self),
  ]
}
