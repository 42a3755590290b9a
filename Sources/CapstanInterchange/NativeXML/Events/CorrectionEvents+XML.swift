import CapstanModel
import CapstanXML

/// `<void transaction="SEQ" reason="...">`: the voided transaction named by its `seq` in the
/// file (written and read as the position the reader gave it).
extension Voiding: XMLEventCodec {
  static let xmlAttributes = ["transaction", "reason"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      ["seq": seq, "date": date, "transaction": String(transaction), "reason": reason],
      indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    let named = try f.int("transaction", in: 1...Int(Int32.max))
    guard let position = reader.positions[named], position < reader.transactionsRead else {
      throw f.error("<void transaction=\"\(named)\">: no earlier transaction has seq=\"\(named)\"")
    }
    return Voiding(transaction: position, reason: try f.text("reason"))
  }
}

extension PlanAmendment: XMLEventCodec {
  static let xmlAttributes = ["plan", "cancellation", "adopted"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "plan": plan.rawValue,
        "cancellation": cancellationBehavior?.rawValue, "adopted": adopted?.iso,
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    let amendment = PlanAmendment(
      plan: try reader.plan(f, "plan"),
      cancellationBehavior: f.optional("cancellation") == nil
        ? nil : try f.choice("cancellation"),
      adopted: try f.optionalDate("adopted"))
    guard !amendment.isEmpty else {
      throw f.error("<plan-amendment> needs cancellation=\"...\" or adopted=\"YYYY-MM-DD\"")
    }
    return amendment
  }
}

extension HolderMerge: XMLEventCodec {
  static let xmlAttributes = ["from", "into"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      Self.kind.rawValue,
      ["seq": seq, "date": date, "from": from.rawValue, "into": into.rawValue], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    HolderMerge(from: try reader.holder(f, "from"), into: try reader.holder(f, "into"))
  }
}

extension ClassAmendment: XMLEventCodec {
  static let xmlAttributes = [
    "class", "multiple", "participation", "cap", "seniority", "anti-dilution", "votes-per-share",
  ]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    let number = NativeXMLWriter.number
    let (participation, cap): (String?, String?) =
      switch preference?.participation {
      case nil: (nil, nil)
      case .none?: ("none", nil)
      case .full?: ("full", nil)
      case .capped(let multiple)?: ("capped", number(multiple))
      }
    try w.element(
      Self.kind.rawValue,
      [
        "seq": seq, "date": date, "class": shareClass.rawValue,
        "multiple": preference.map { number($0.multiple) }, "participation": participation,
        "cap": cap, "seniority": preference.map { String($0.seniority) },
        "anti-dilution": antiDilution?.rawValue, "votes-per-share": votesPerShare.map(number),
      ], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    let classID = try reader.shareClass(f, "class")
    var preference: LiquidationPreference?
    if f.optional("multiple") != nil {
      let participation: Participation
      switch try f.required("participation") {
      case "none": participation = .none
      case "full": participation = .full
      case "capped": participation = .capped(multiple: try f.ratio("cap"))
      case let other:
        throw f.error(
          "<class-amendment participation=\"\(other)\">: expected none, full or capped")
      }
      preference = LiquidationPreference(
        multiple: try f.ratio("multiple"), participation: participation,
        seniority: try f.int("seniority", in: -1_000_000...1_000_000))
    } else if f.optional("participation") != nil || f.optional("seniority") != nil {
      throw f.error("<class-amendment>: participation and seniority come with multiple=...")
    }
    let antiDilution: AntiDilution? =
      f.optional("anti-dilution") == nil ? nil : try f.choice("anti-dilution")
    let amendment = ClassAmendment(
      shareClass: classID, preference: preference, antiDilution: antiDilution,
      votesPerShare: try f.optionalRatio("votes-per-share"))
    guard !amendment.isEmpty else {
      throw f.error("<class-amendment> changes no term (give multiple, anti-dilution or votes)")
    }
    return amendment
  }
}

extension XMLEventTable {
  /// The elements of the corrections, in this file.
  static let correctionEvents: [Entry] = [
    .init(Voiding.self),
    .init(PlanAmendment.self),
    .init(HolderMerge.self),
    .init(ClassAmendment.self),
  ]
}
