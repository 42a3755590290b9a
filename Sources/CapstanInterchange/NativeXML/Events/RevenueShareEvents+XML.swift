import CapstanModel
import CapstanXML

/// `<revenue-share security provider credits percentage cap-multiple [expires]>`: the
/// percentage as a fraction (0.05 for 5 %), the cap as a multiple of the credits.
extension RevenueShareIssuance: XMLEventCodec {
  static let xmlAttributes = [
    "security", "provider", "credits", "percentage", "cap-multiple", "expires",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue, "provider": provider.rawValue,
        "credits": NativeXMLWriter.number(credits),
        "percentage": NativeXMLWriter.number(percentage),
        "cap-multiple": NativeXMLWriter.number(capMultiple), "expires": expires?.iso,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    RevenueShareIssuance(
      security: try f.security("security"), provider: try reader.holder(f, "provider"),
      credits: try f.ratio("credits"), percentage: try f.ratio("percentage"),
      capMultiple: try f.ratio("cap-multiple"), expires: try f.optionalDate("expires"))
  }
}

extension XMLEventTable {
  /// The elements of the revenue-share events, in this file.
  static let revenueShareEvents: [Entry] = [
    .init(RevenueShareIssuance.self)
  ]
}
