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
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() where index < widths.count {
        let pad = String(repeating: " ", count: widths[index] - cell.count)
        parts.append(columns[index].alignment == .left ? cell + pad : pad + cell)
      }
      var text = parts.joined(separator: "  ")
      while text.last == " " { text.removeLast() }
      return text
    }
    let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1))
    var out = [line(columns.map(\.title)), rule] + rows.map(line)
    if let footer { out += [rule, line(footer)] }
    return out.joined(separator: "\n") + "\n"
  }
}

/// CSV per RFC 4180: fields with commas, quotes or line breaks are quoted.
enum CSV {
  static func render(header: [String], rows: [[String]]) -> String {
    ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
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
      case let c where c.value < 0x20:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

/// Writes to standard output.
func emit(_ text: String) {
  print(text, terminator: "")
}
