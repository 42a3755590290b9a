import CapstanModel
import CapstanXML

extension ChangeOfControl: XMLEventCodec {
  static let xmlAttributes = ["note"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    let name = Self.kind.rawValue
    try w.element(name, ["seq": seq, "date": date, "note": note], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return ChangeOfControl(note: f.optional("note"))
  }
}

extension Termination: XMLEventCodec {
  static let xmlAttributes = ["holder", "security", "without-cause"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "holder": holder.rawValue, "security": security?.rawValue,
        "without-cause": String(withoutCause),
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return Termination(
      holder: try reader.holder(f, "holder"), security: try f.optionalSecurity("security"),
      withoutCause: try f.bool("without-cause", default: false))
  }
}

extension MilestoneAchievement: XMLEventCodec {
  static let xmlAttributes = ["name", "holder", "security"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "name": name, "holder": holder?.rawValue,
        "security": security?.rawValue,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return MilestoneAchievement(
      name: try f.text("name"),
      holder: f.optional("holder") == nil ? nil : try reader.holder(f, "holder"),
      security: try f.optionalSecurity("security"))
  }
}

extension AcceleratedVesting: XMLEventCodec {
  static let xmlAttributes = ["security", "quantity", "reason"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "security": security.rawValue,
        "quantity": String(quantity.count), "reason": reason,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    return AcceleratedVesting(
      security: try f.security("security"), quantity: try f.shares("quantity"),
      reason: f.optional("reason"))
  }
}

extension XMLEventTable {
  /// The elements of the vesting events, in this file.
  static let vestingEvents: [Entry] = [
    .init(ChangeOfControl.self),
    .init(Termination.self),
    .init(MilestoneAchievement.self),
    .init(AcceleratedVesting.self),
  ]
}
