import CapstanModel
import CapstanXML

/// `<compute-safe>`: the terms; the unit is `tokens` (with the token's `symbol`) or
/// `gpu-hours`.
extension ComputeSAFEIssuance: XMLEventCodec {
  static let xmlAttributes = [
    "security", "provider", "unit", "symbol", "commitment", "agreed-price", "window-start",
    "window-end", "cap", "discount", "sla-suspension",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    var symbol: String?
    if case .tokens(let token) = unit { symbol = token }
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue, "provider": provider.rawValue,
        "unit": symbol == nil ? "gpu-hours" : "tokens", "symbol": symbol,
        "commitment": NativeXMLWriter.number(commitment),
        "agreed-price": NativeXMLWriter.number(agreedPrice), "window-start": windowStart.iso,
        "window-end": windowEnd.iso, "cap": valuationCap.map(NativeXMLWriter.number),
        "discount": discount.map(NativeXMLWriter.number),
        "sla-suspension": String(slaSuspension),
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    let unit: Unit
    switch try f.required("unit") {
    case "gpu-hours": unit = .gpuHours
    case "tokens": unit = .tokens(symbol: try f.text("symbol"))
    case let other: throw f.error("unit=\"\(other)\" is not tokens or gpu-hours")
    }
    return ComputeSAFEIssuance(
      security: try f.security("security"), provider: try reader.holder(f, "provider"),
      unit: unit, commitment: try f.ratio("commitment"), agreedPrice: try f.ratio("agreed-price"),
      windowStart: try f.date("window-start"), windowEnd: try f.date("window-end"),
      valuationCap: try f.optionalRatio("cap"), discount: try f.optionalRatio("discount"),
      slaSuspension: try f.bool("sla-suspension", default: false))
  }
}

/// `<compute-safe-draw security units>`.
extension ComputeSAFEDraw: XMLEventCodec {
  static let xmlAttributes = ["security", "units"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue,
        "units": NativeXMLWriter.number(units),
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    ComputeSAFEDraw(security: try f.security("security"), units: try f.ratio("units"))
  }
}

/// `<compute-safe-breach security [through]>`: the breach starts on `date`.
extension ComputeSAFEBreach: XMLEventCodec {
  static let xmlAttributes = ["security", "through"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      ["seq": seq, "date": date, "security": security.rawValue, "through": through?.iso],
      indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    ComputeSAFEBreach(security: try f.security("security"), through: try f.optionalDate("through"))
  }
}

extension XMLEventTable {
  /// The elements of the compute-SAFE events, in this file.
  static let computeSAFEEvents: [Entry] = [
    .init(ComputeSAFEIssuance.self),
    .init(ComputeSAFEDraw.self),
    .init(ComputeSAFEBreach.self),
  ]
}
