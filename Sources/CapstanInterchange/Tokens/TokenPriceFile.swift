import CapstanModel
import Foundation

/// Reads a token price CSV: `symbol,date,price` (or `date,price` for one `symbol`), with a header.
public enum TokenPriceFile {
  /// The marks of the CSV file at `path`, each with its `file:line` source; `symbol` names the
  /// token of a `date,price` file. An error names the file and line.
  public static func read(_ path: String, symbol: String?) throws -> [(
    mark: TokenPriceMark, source: String
  )] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError.invalid(field: "FILE", input: path, expected: "a readable CSV file")
    }
    let name = (path as NSString).lastPathComponent
    let lines = String(decoding: data, as: UTF8.self).split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    guard let headerLine = lines.first else {
      throw InputError.invalid(
        field: "\(name):1", input: "", expected: "a header symbol,date,price")
    }
    let header = headerLine.split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    let columns: (symbol: Int?, date: Int, price: Int)
    if let s = header.firstIndex(of: "symbol"), let d = header.firstIndex(of: "date"),
      let p = header.firstIndex(of: "price")
    {
      columns = (s, d, p)
    } else if let d = header.firstIndex(of: "date"), let p = header.firstIndex(of: "price"),
      symbol != nil
    {
      columns = (nil, d, p)
    } else {
      throw InputError.invalid(
        field: "\(name):1", input: String(headerLine),
        expected: "a header symbol,date,price (or date,price with --symbol)")
    }
    var marks: [(TokenPriceMark, String)] = []
    for (index, line) in lines.enumerated().dropFirst() {
      let text = line.trimmingCharacters(in: .whitespaces)
      if text.isEmpty || text.hasPrefix("#") { continue }
      let source = "\(name):\(index + 1)"
      let cells = text.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let needed = max(columns.date, columns.price, columns.symbol ?? 0)
      guard cells.count > needed else {
        throw InputError.invalid(
          field: source, input: text, expected: "\(header.count) comma-separated fields")
      }
      let tokenSymbol = columns.symbol.map { cells[$0] } ?? symbol ?? ""
      let date = try AmountParser.date(cells[columns.date], field: "\(source) date")
      let price = try AmountParser.amount(cells[columns.price], field: "\(source) price")
      marks.append((TokenPriceMark(symbol: tokenSymbol, date: date, price: price), source))
    }
    return marks.map { (mark: $0.0, source: $0.1) }
  }
}
