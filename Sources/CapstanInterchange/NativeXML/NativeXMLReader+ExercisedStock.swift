import CapstanModel

extension NativeXMLReader {
  /// The `issued-*` attributes of an `<exercise>`: the stock it issues as recorded, or nil when
  /// none is given (the exercise issues its own). Given, all four are needed.
  func exercisedStock(_ fields: Fields) throws(ImportError) -> ExercisedStock? {
    let names = ["issued-holder", "issued-class", "issued-quantity", "issued-price"]
    let given = names.filter { fields.optional($0) != nil }
    guard !given.isEmpty else { return nil }
    guard given.count == names.count else {
      let missing = names.filter { !given.contains($0) }
      throw fields.error(
        "<exercise> gives \(given.joined(separator: ", ")) but not "
          + "\(missing.joined(separator: ", ")): the stock it issues needs all four")
    }
    return ExercisedStock(
      holder: try holder(fields, "issued-holder"),
      shareClass: try shareClass(fields, "issued-class"),
      quantity: try fields.shares("issued-quantity"),
      pricePerShare: try fields.ratio("issued-price"))
  }
}
