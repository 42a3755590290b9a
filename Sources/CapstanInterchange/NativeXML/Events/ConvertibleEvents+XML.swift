import CapstanModel
import CapstanXML

extension SAFEIssuance: XMLEventCodec {
  static let xmlAttributes = [
    "security", "holder", "amount", "kind", "cap", "discount", "mfn", "pro-rata", "rank",
    "custom-id",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue, "holder": holder.rawValue,
        "amount": NativeXMLWriter.number(purchaseAmount), "kind": kind.rawValue,
        "cap": valuationCap.map(NativeXMLWriter.number),
        "discount": discount.map(NativeXMLWriter.number),
        "mfn": String(mostFavoredNation), "pro-rata": String(proRata),
        "rank": rank == .withPreferred ? nil : rank.rawValue, "custom-id": customID,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return SAFEIssuance(
      security: try f.security("security"), holder: try reader.holder(f, "holder"),
      purchaseAmount: try f.ratio("amount"), kind: try f.choice("kind", default: .postMoney),
      valuationCap: try f.optionalRatio("cap"), discount: try f.optionalRatio("discount"),
      mostFavoredNation: try f.bool("mfn", default: false),
      proRata: try f.bool("pro-rata", default: false), rank: try f.rank("rank"))
  }
}

extension NoteIssuance: XMLEventCodec {
  static let xmlAttributes = [
    "security", "holder", "principal", "rate", "compounding", "day-count", "maturity", "cap",
    "discount", "cap-basis", "rank", "custom-id",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue, "holder": holder.rawValue,
        "principal": NativeXMLWriter.number(principal), "rate": NativeXMLWriter.number(rate),
        "compounding": compounding.rawValue, "day-count": dayCount.rawValue,
        "maturity": maturity?.iso, "cap": valuationCap.map(NativeXMLWriter.number),
        "discount": discount.map(NativeXMLWriter.number),
        // Only when not the default, so files without it read the same.
        "cap-basis": capBasis == .preMoneyFullyDiluted ? nil : capBasis.rawValue,
        "rank": rank == .withPreferred ? nil : rank.rawValue, "custom-id": customID,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return NoteIssuance(
      security: try f.security("security"), holder: try reader.holder(f, "holder"),
      principal: try f.ratio("principal"), rate: try f.ratio("rate"),
      compounding: try f.choice("compounding", default: .simple),
      dayCount: try f.choice("day-count", default: .actual365),
      maturity: try f.optionalDate("maturity"), valuationCap: try f.optionalRatio("cap"),
      discount: try f.optionalRatio("discount"),
      capBasis: try f.choice("cap-basis", default: .preMoneyFullyDiluted),
      rank: try f.rank("rank"))
  }
}

extension WarrantIssuance: XMLEventCodec {
  static let xmlAttributes = [
    "security", "holder", "class", "quantity", "strike", "expires", "custom-id",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue, "holder": holder.rawValue,
        "class": shareClass.rawValue, "quantity": String(quantity.count),
        "strike": NativeXMLWriter.number(strike), "expires": expires?.iso, "custom-id": customID,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return WarrantIssuance(
      security: try f.security("security"), holder: try reader.holder(f, "holder"),
      shareClass: try reader.shareClass(f, "class"), quantity: try f.shares("quantity"),
      strike: try f.ratio("strike"), expires: try f.optionalDate("expires"))
  }
}

extension Conversion: XMLEventCodec {
  static let xmlAttributes = [
    "security", "resulting-security", "class", "quantity", "price", "custom-id",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue,
        "resulting-security": resultingSecurity.rawValue, "class": shareClass.rawValue,
        "quantity": String(quantity.count), "price": NativeXMLWriter.number(pricePerShare),
        "custom-id": customID,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return Conversion(
      security: try f.security("security"),
      resultingSecurity: try f.security("resulting-security"),
      shareClass: try reader.shareClass(f, "class"), quantity: try f.shares("quantity"),
      pricePerShare: try f.ratio("price"))
  }
}

extension ConversionPriceChange: XMLEventCodec {
  static let xmlAttributes = ["class", "price"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "class": shareClass.rawValue,
        "price": NativeXMLWriter.number(newConversionPrice),
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return ConversionPriceChange(
      shareClass: try reader.shareClass(f, "class"), newConversionPrice: try f.ratio("price"))
  }
}

extension XMLEventTable {
  /// The elements of the convertible events, in this file.
  static let convertibleEvents: [Entry] = [
    .init(SAFEIssuance.self),
    .init(NoteIssuance.self),
    .init(WarrantIssuance.self),
    .init(Conversion.self),
    .init(ConversionPriceChange.self),
  ]
}
