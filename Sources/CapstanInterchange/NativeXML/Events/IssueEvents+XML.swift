import CapstanModel
import CapstanXML

extension StockIssuance: XMLEventCodec {
  static let xmlAttributes = ["security", "holder", "class", "quantity", "price", "custom-id"]
  static var readsChildren: Bool { true }

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    let name = Self.kind.rawValue
    let plain = vesting == nil && vestingTerms == nil
    try w.element(
      name,
      [
        "seq": seq, "date": date, "security": security.rawValue, "holder": holder.rawValue,
        "class": shareClass.rawValue, "quantity": String(quantity.count),
        "price": NativeXMLWriter.number(pricePerShare), "custom-id": customID,
      ], indent: 2, close: plain)
    if !plain { try NativeXMLWriter.closeWithVesting(vesting, vestingTerms, name, into: &w) }
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    let security = try f.security("security")
    let holderID = try reader.holder(f, "holder")
    let classID = try reader.shareClass(f, "class")
    let quantity = try f.shares("quantity")
    let price = try f.ratio("price")
    let (schedule, terms) = try reader.vesting(element, quantity: quantity)
    return StockIssuance(
      security: security, holder: holderID, shareClass: classID, quantity: quantity,
      pricePerShare: price, vesting: schedule, vestingTerms: terms)
  }
}

extension OptionGrant: XMLEventCodec {
  static let xmlAttributes = [
    "security", "holder", "plan", "quantity", "strike", "expires", "custom-id",
  ]
  static var readsChildren: Bool { true }

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    let name = Self.kind.rawValue
    let plain = vesting == nil && vestingTerms == nil
    try w.element(
      name,
      [
        "seq": seq, "date": date, "security": security.rawValue, "holder": holder.rawValue,
        "plan": plan.rawValue, "quantity": String(quantity.count),
        "strike": NativeXMLWriter.number(strike), "expires": expires?.iso, "custom-id": customID,
      ], indent: 2, close: plain)
    if !plain { try NativeXMLWriter.closeWithVesting(vesting, vestingTerms, name, into: &w) }
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    let security = try f.security("security")
    let holderID = try reader.holder(f, "holder")
    let planID = try reader.plan(f, "plan")
    let quantity = try f.shares("quantity")
    let strike = try f.ratio("strike")
    let expires = try f.optionalDate("expires")
    let (schedule, terms) = try reader.vesting(element, quantity: quantity)
    return OptionGrant(
      security: security, holder: holderID, plan: planID, quantity: quantity,
      strike: strike, vesting: schedule, expires: expires, vestingTerms: terms)
  }
}

extension XMLEventTable {
  /// The elements of the issues and grants, in this file.
  static let issueEvents: [Entry] = [
    .init(StockIssuance.self),
    .init(OptionGrant.self),
  ]
}
