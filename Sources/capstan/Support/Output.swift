import CapstanModel

/// A table printed as aligned text, CSV or JSON rows; numbers are formatted by the caller.
struct TextTable {
  enum Alignment { case left, right }

  var columns: [(title: String, alignment: Alignment)]
  var rows: [[String]] = []
  var footer: [String]?

  init(_ columns: [(String, Alignment)]) {
    self.columns = columns.map { (title: $0.0, alignment: $0.1) }
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  /// Aligned columns, two spaces apart, with a rule under the header and above the footer.
  func render() -> String {
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
  static func width(_ cell: String) -> Int {
    let utf8 = cell.utf8
    if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
    return NameText.escaped(cell).count
  }
}

/// CSV per RFC 4180: fields with commas, quotes or line breaks are quoted, and text cells that
/// a spreadsheet would run as a formula are defused (`CSVCell`).
enum CSV {
  static func render(header: [String], rows: [[String]]) -> String {
    ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  static func field(_ text: String) -> String { CSVCell.field(text) }
}

/// A JSON value with ordered keys, so output is stable and diffable.
indirect enum JSON {
  case string(String)
  case int(Int64)
  case bool(Bool)
  case null
  case array([JSON])
  case object([(String, JSON)])

  static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

  /// Pretty-printed with two-space indentation and a final newline.
  func render() -> String {
    var out = ""
    write(to: &out, indent: 0)
    return out + "\n"
  }

  private func write(to out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let close = String(repeating: "  ", count: indent)
    switch self {
    case .string(let text): out += JSON.quote(text)
    case .int(let value): out += String(value)
    case .bool(let value): out += value ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      guard !items.isEmpty else { return out += "[]" }
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += pad
        item.write(to: &out, indent: indent + 1)
        out += index < items.count - 1 ? ",\n" : "\n"
      }
      out += close + "]"
    case .object(let fields):
      guard !fields.isEmpty else { return out += "{}" }
      out += "{\n"
      for (index, (key, value)) in fields.enumerated() {
        out += pad + JSON.quote(key) + ": "
        value.write(to: &out, indent: indent + 1)
        out += index < fields.count - 1 ? ",\n" : "\n"
      }
      out += close + "}"
    }
  }

  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20 || NameText.isUnsafe(c):
        // C1 controls and bidirectional overrides too: escaped here, nothing can act on a
        // terminal, and the JSON stays valid.
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

/// Writes to standard output.
///
/// Control characters other than line feeds and tabs are written escaped (`\u{1B}`), so a name
/// holding an ANSI escape sequence cannot act on the terminal (`NameText`).
func emit(_ text: String) {
  // Escaped once, and printed as it is (the module's `print` would copy and escape it again).
  Swift.print(NameText.escapedKeepingLines(text), terminator: "")
}

/// Every line the CLI prints goes through here (it shadows `Swift.print` in this module), so
/// text from a workspace or an import file cannot act on the terminal: control characters
/// other than line feeds and tabs are written escaped (`NameText.escapedKeepingLines`).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  let text = items.map { "\($0)" }.joined(separator: separator)
  Swift.print(NameText.escapedKeepingLines(text), terminator: terminator)
}
