import CapstanModel
import Foundation

/// Reads a token price CSV with a header: `symbol,date,price` (or `date,price` for one
/// `symbol`), or, for a price path that starts at a given day, `symbol,month,price` (or
/// `month,price`): month 1, 2, 3... after that day (the closing or the as-of date), as a
/// revenue plan counts them.
public enum TokenPriceFile {
  /// The marks of the CSV file at `path`, each with its `file:line` source; `symbol` names the
  /// token of a file without a symbol column; `start` is the day month numbers count from (a
  /// file of months is refused without one). An error names the file and line.
  public static func read(_ path: String, symbol: String?, start: CalendarDate? = nil) throws
    -> [(mark: TokenPriceMark, source: String)]
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError.invalid(field: "FILE", input: path, expected: "a readable CSV file")
    }
    return try parse(
      String(decoding: data, as: UTF8.self), file: (path as NSString).lastPathComponent,
      symbol: symbol, start: start)
  }

  /// The marks of CSV `text` read from `file` (named in errors with the line).
  public static func parse(_ text: String, file name: String, symbol: String?, start: CalendarDate?)
    throws(InputError) -> [(mark: TokenPriceMark, source: String)]
  {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    guard let headerLine = lines.first else {
      throw .invalid(field: "\(name):1", input: "", expected: "a header symbol,date,price")
    }
    let header = headerLine.split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    let expected =
      "a header symbol,date,price (or date,price with --symbol; month,price for a path "
      + "counted in months)"
    let byMonth = header.contains("month")
    guard let d = header.firstIndex(of: byMonth ? "month" : "date"),
      let p = header.firstIndex(of: "price")
    else { throw .invalid(field: "\(name):1", input: String(headerLine), expected: expected) }
    let s = header.firstIndex(of: "symbol")
    guard s != nil || symbol != nil else {
      throw .invalid(field: "\(name):1", input: String(headerLine), expected: expected)
    }
    if byMonth && start == nil {
      throw .invalid(
        field: "\(name):1", input: String(headerLine),
        expected: "dated prices (symbol,date,price): months count from a closing, which "
          + "only tokens stress has")
    }
    var marks: [(mark: TokenPriceMark, source: String)] = []
    for (index, line) in lines.enumerated().dropFirst() {
      let text = line.trimmingCharacters(in: .whitespaces)
      if text.isEmpty || text.hasPrefix("#") { continue }
      let source = "\(name):\(index + 1)"
      let cells = text.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard cells.count > max(d, p, s ?? 0) else {
        throw .invalid(
          field: source, input: text, expected: "\(header.count) comma-separated fields")
      }
      let tokenSymbol = s.map { cells[$0] } ?? symbol ?? ""
      let date: CalendarDate
      if byMonth, let start {
        guard let month = Int(cells[d]), month >= 1, month <= 1_200 else {
          throw .invalid(
            field: "\(source) month", input: cells[d],
            expected: "a month number from 1 to 1200 (1 = a month after the closing)")
        }
        date = start.adding(months: month)
      } else {
        date = try AmountParser.date(cells[d], field: "\(source) date")
      }
      let price = try AmountParser.amount(cells[p], field: "\(source) price")
      marks.append((TokenPriceMark(symbol: tokenSymbol, date: date, price: price), source))
    }
    return marks
  }
}
