import CapstanModel

/// A table printed as aligned text, CSV or JSON rows; numbers are formatted by the caller.
public struct TextTable: Sendable {
  /// How a column's cells line up.
  public enum Alignment: Sendable {
    /// Text: cells start at the column's left edge.
    case left
    /// Numbers: cells end at the column's right edge.
    case right
  }

  /// The column titles and alignments, in order.
  public var columns: [(title: String, alignment: Alignment)]
  /// The rows, each one cell per column, already formatted.
  public var rows: [[String]] = []
  /// A totals row printed under a rule, if any.
  public var footer: [String]?

  /// A table with these columns and no rows yet.
  public init(_ columns: [(String, Alignment)]) {
    self.columns = columns.map { (title: $0.0, alignment: $0.1) }
  }

  /// Appends a row.
  public mutating func add(_ row: [String]) { rows.append(row) }

  /// Aligned columns, two spaces apart, with a rule under the header and above the footer.
  public func render() -> String {
    let all = [columns.map(\.title)] + rows + (footer.map { [$0] } ?? [])
    var widths = columns.map { _ in 0 }
    for row in all {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], TextTable.width(cell))
      }
    }
    let ruleWidth = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    // Built as bytes: appending to a `String` piece by piece costs several times more.
    var out: [UInt8] = []
    out.reserveCapacity((rows.count + 4) * (ruleWidth + 1))
    let space = UInt8(ascii: " ")
    func line(_ cells: [String]) {
      let start = out.count
      for (index, cell) in cells.enumerated() where index < widths.count {
        if index > 0 { out.append(contentsOf: [space, space]) }
        let missing = widths[index] - TextTable.width(cell)
        if columns[index].alignment == .right {
          out.append(contentsOf: repeatElement(space, count: missing))
        }
        out.append(contentsOf: NameText.escaped(cell).utf8)
        if columns[index].alignment == .left {
          out.append(contentsOf: repeatElement(space, count: missing))
        }
      }
      // Trailing spaces dropped (a space is always a character of its own).
      while out.count > start, out.last == space { out.removeLast() }
      out.append(UInt8(ascii: "\n"))
    }
    let rule = [UInt8](repeating: UInt8(ascii: "-"), count: ruleWidth) + [UInt8(ascii: "\n")]
    line(columns.map(\.title))
    out.append(contentsOf: rule)
    for row in rows { line(row) }
    if let footer {
      out.append(contentsOf: rule)
      line(footer)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The width of a cell in characters; ASCII text (without CR, which joins LF into one
  /// character) is measured by its bytes rather than by grapheme breaking.
  public static func width(_ cell: String) -> Int {
    let utf8 = cell.utf8
    if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
    return NameText.escaped(cell).count
  }
}
