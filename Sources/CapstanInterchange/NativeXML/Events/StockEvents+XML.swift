import CapstanModel
import CapstanXML

extension Exercise: XMLEventCodec {
  static let xmlAttributes = [
    "grant", "quantity", "resulting-security", "issued-holder", "issued-class", "issued-quantity",
    "issued-price", "custom-id",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "grant": grant.rawValue,
        "quantity": String(quantity.count), "resulting-security": resultingSecurity.rawValue,
        "issued-holder": issuedStock?.holder.rawValue,
        "issued-class": issuedStock?.shareClass.rawValue,
        "issued-quantity": issuedStock.map { String($0.quantity.count) },
        "issued-price": issuedStock.map { NativeXMLWriter.number($0.pricePerShare) },
        "custom-id": customID,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return Exercise(
      grant: try f.security("grant"), quantity: try f.shares("quantity"),
      resultingSecurity: try f.security("resulting-security"),
      issuedStock: try reader.exercisedStock(f))
  }
}

extension Transfer: XMLEventCodec {
  static let xmlAttributes = [
    "security", "to", "quantity", "resulting-security", "balance-security", "custom-id",
    "balance-custom-id",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue, "to": to.rawValue,
        "quantity": String(quantity.count), "resulting-security": resultingSecurity.rawValue,
        "balance-security": balanceSecurity?.rawValue, "custom-id": resultingCustomID,
        "balance-custom-id": balanceCustomID,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return Transfer(
      security: try f.security("security"), to: try reader.holder(f, "to"),
      quantity: try f.shares("quantity"),
      resultingSecurity: try f.security("resulting-security"),
      balanceSecurity: try f.optionalSecurity("balance-security"))
  }
}

extension Cancellation: XMLEventCodec {
  static let xmlAttributes = [
    "security", "quantity", "balance-security", "reason", "balance-custom-id",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue,
        "quantity": String(quantity.count), "balance-security": balanceSecurity?.rawValue,
        "reason": reason, "balance-custom-id": balanceCustomID,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return Cancellation(
      security: try f.security("security"), quantity: try f.shares("quantity"),
      balanceSecurity: try f.optionalSecurity("balance-security"), reason: f.optional("reason"))
  }
}

extension Repurchase: XMLEventCodec {
  static let xmlAttributes = [
    "security", "quantity", "price", "balance-security", "balance-custom-id",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue,
        "quantity": String(quantity.count), "price": NativeXMLWriter.number(pricePerShare),
        "balance-security": balanceSecurity?.rawValue, "balance-custom-id": balanceCustomID,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return Repurchase(
      security: try f.security("security"), quantity: try f.shares("quantity"),
      pricePerShare: try f.ratio("price"),
      balanceSecurity: try f.optionalSecurity("balance-security"))
  }
}

extension StockSplit: XMLEventCodec {
  static let xmlAttributes = ["class", "ratio"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "class": shareClass.rawValue,
        "ratio": NativeXMLWriter.number(ratio),
      ],
      indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return StockSplit(shareClass: try reader.shareClass(f, "class"), ratio: try f.ratio("ratio"))
  }
}

extension SharesAuthorization: XMLEventCodec {
  static let xmlAttributes = ["class", "total"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "class": shareClass.rawValue,
        "total": String(newTotal.count),
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return SharesAuthorization(
      shareClass: try reader.shareClass(f, "class"), newTotal: try f.shares("total"))
  }
}

extension PoolIncrease: XMLEventCodec {
  static let xmlAttributes = ["plan", "quantity"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "plan": plan.rawValue, "quantity": String(quantity.count),
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return PoolIncrease(plan: try reader.plan(f, "plan"), quantity: try f.shares("quantity"))
  }
}

extension XMLEventTable {
  /// The elements of the stock events, in this file.
  static let stockEvents: [Entry] = [
    .init(Exercise.self),
    .init(Transfer.self),
    .init(Cancellation.self),
    .init(Repurchase.self),
    .init(StockSplit.self),
    .init(SharesAuthorization.self),
    .init(PoolIncrease.self),
  ]
}
