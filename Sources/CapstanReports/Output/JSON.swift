import CapstanModel

/// A JSON value with ordered keys, so output is stable and diffable.
public indirect enum JSON: Sendable {
  /// A string.
  case string(String)
  /// An integer.
  case int(Int64)
  /// true or false.
  case bool(Bool)
  /// null.
  case null
  /// An array.
  case array([JSON])
  /// An object whose keys keep their order.
  case object([(String, JSON)])

  /// A string, or null when nil.
  public static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

  /// Pretty-printed with two-space indentation and a final newline.
  public func render() -> String {
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

  /// A JSON string literal for `text`, escaping controls, C1 controls and bidirectional
  /// overrides.
  public static func quote(_ text: String) -> String {
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
