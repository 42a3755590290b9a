/// A monthly revenue plan read from CSV text: `month,revenue` lines (month 1, 2, 3... from the
/// closing, in order without gaps), a header line allowed.
public enum RevenuePlan {
  /// The revenues by month; errors name `file` and the line.
  public static func parse(_ text: String, file: String) throws(InputError) -> [Ratio] {
    var revenues: [Ratio] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingSpaces
      if line.isEmpty { continue }
      let cells = line.split(separator: ",", maxSplits: 1).map { String($0).trimmingSpaces }
      let place = "\(file) line \(index + 1)"
      if index == 0, cells.first?.lowercased() == "month" { continue }
      guard cells.count == 2, let month = Int(cells[0]) else {
        throw .invalid(field: place, input: line, expected: "month,revenue (e.g. 1,250000)")
      }
      guard month == revenues.count + 1 else {
        throw .invalid(
          field: place, input: cells[0], expected: "month \(revenues.count + 1) (months in order)")
      }
      let revenue = cells[1].filter { $0 != "\"" }
      revenues.append(try AmountParser.amount(revenue, field: "\(place) revenue"))
    }
    return revenues
  }
}
