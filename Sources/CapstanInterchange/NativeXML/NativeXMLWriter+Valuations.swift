import CapstanModel

extension NativeXMLWriter {
  /// Checks that each valuation values a class of the ledger (else the file could not be
  /// imported); called before the file is touched.
  static func check(_ valuations: [ShareValuation], _ ledger: Ledger)
    throws(NativeXMLWriteError)
  {
    for valuation in valuations
    where !ledger.classes.contains(where: { $0.id == valuation.shareClass }) {
      throw .unknownValuationClass(
        shareClass: valuation.shareClass.rawValue, effective: valuation.effective.iso)
    }
  }

  /// `<valuations>`: each valuation in the order recorded, its class by the file's class id.
  static func emit(_ valuations: [ShareValuation], into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    w.raw("  <valuations>\n")
    for valuation in valuations {
      try w.element(
        "valuation",
        [
          "class": valuation.shareClass.rawValue, "effective": valuation.effective.iso,
          "price": number(valuation.pricePerShare), "type": valuation.kind.rawValue,
          "provider": valuation.provider, "board-approved": valuation.boardApproved?.iso,
        ], indent: 2)
    }
    w.raw("  </valuations>\n")
  }
}
