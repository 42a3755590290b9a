import CapstanModel
import CapstanXML

extension NativeXMLReader {
  /// `<valuations>`: the company's valuations of its classes' shares (409A and others), in the
  /// order recorded.
  mutating func valuations(_ section: XMLElement) throws(ImportError) {
    if section.isEmpty {
      _ = try next()
      return
    }
    while let element = try child(of: section.name) {
      guard element.name == "valuation" else {
        throw error(
          "unexpected <\(element.name)> in <valuations> (expected <valuation>)", line: element.line)
      }
      try valuation(element)
    }
  }

  /// `<valuation class effective price type? provider? board-approved?/>`.
  private mutating func valuation(_ element: XMLElement) throws(ImportError) {
    let f = try Fields(
      element, file: file,
      allowed: ["class", "effective", "price", "type", "provider", "board-approved"])
    let shareClass = try shareClass(f, "class")
    let effective = try f.date("effective")
    let price = try f.ratio("price")
    guard price > .zero else {
      throw f.error(
        "<valuation price=\"\(f.optional("price") ?? "")\">: expected a positive price per share")
    }
    let valuation = ShareValuation(
      effective: effective, shareClass: shareClass, pricePerShare: price,
      kind: try f.choice("type", default: .section409A),
      provider: f.optional("provider"), boardApproved: try f.optionalDate("board-approved"))
    try expectEmpty(element)
    image?.valuations.append(valuation)
    image?.valuationSources.append(f.location)
  }
}
