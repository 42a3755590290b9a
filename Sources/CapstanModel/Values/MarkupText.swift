/// The one escaper for XML and HTML text: every writer of markup (Capstan XML, .docx parts,
/// HTML term sheets and reports, SVG charts) goes through it.
public enum MarkupText {
  /// `text` escaped for XML or HTML content and attribute values: `&`, `<`, `>`, `"` and `'`
  /// written as references.
  public static func escaped(_ text: String) -> String {
    guard text.utf8.contains(where: needsReference) else { return text }
    var out = ""
    appendEscaped(&out, text)
    return out
  }

  /// Appends `text` to `out`, escaped as `escaped(_:)` does.
  public static func appendEscaped(_ out: inout String, _ text: String) {
    guard text.utf8.contains(where: needsReference) else {
      out += text
      return
    }
    out.reserveCapacity(out.utf8.count + text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      if let reference = reference(scalar) {
        out += reference
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }

  /// `text` escaped for an XML attribute value that must keep its line breaks and tabs through
  /// attribute-value normalization (`\n`, `\r` and `\t` as character references too), or nil
  /// when it holds a control character XML 1.0 cannot carry.
  public static func escapedAttributeKeepingWhitespace(_ text: String) -> String? {
    guard text.utf8.contains(where: { needsReference($0) || $0 < 0x20 }) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      case "\t": out += "&#9;"
      default:
        if let reference = reference(scalar) {
          out += reference
        } else {
          guard scalar.value >= 0x20 else { return nil }
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  private static func needsReference(_ byte: UInt8) -> Bool {
    byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
  }

  private static func reference(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "&": "&amp;"
    case "<": "&lt;"
    case ">": "&gt;"
    case "\"": "&quot;"
    case "'": "&#39;"
    default: nil
    }
  }
}
