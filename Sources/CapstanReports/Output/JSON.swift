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
    // Written into one byte buffer, turned into a string once.
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    write(to: &out, indent: 0)
    out.append(0x0A)
    return String(decoding: out, as: UTF8.self)
  }

  private func write(to out: inout [UInt8], indent: Int) {
    switch self {
    case .string(let text): JSON.appendQuoted(text, to: &out)
    case .int(let value): out.append(contentsOf: String(value).utf8)
    case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
    case .null: out.append(contentsOf: "null".utf8)
    case .array(let items):
      guard !items.isEmpty else { return out.append(contentsOf: "[]".utf8) }
      out.append(contentsOf: "[\n".utf8)
      for (index, item) in items.enumerated() {
        JSON.pad(&out, indent + 1)
        item.write(to: &out, indent: indent + 1)
        out.append(contentsOf: (index < items.count - 1 ? ",\n" : "\n").utf8)
      }
      JSON.pad(&out, indent)
      out.append(UInt8(ascii: "]"))
    case .object(let fields):
      guard !fields.isEmpty else { return out.append(contentsOf: "{}".utf8) }
      out.append(contentsOf: "{\n".utf8)
      for (index, (key, value)) in fields.enumerated() {
        JSON.pad(&out, indent + 1)
        JSON.appendQuoted(key, to: &out)
        out.append(contentsOf: ": ".utf8)
        value.write(to: &out, indent: indent + 1)
        out.append(contentsOf: (index < fields.count - 1 ? ",\n" : "\n").utf8)
      }
      JSON.pad(&out, indent)
      out.append(UInt8(ascii: "}"))
    }
  }

  /// Two spaces per level.
  private static func pad(_ out: inout [UInt8], _ indent: Int) {
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
  }

  /// A JSON string literal for `text`, escaping controls, C1 controls and bidirectional
  /// overrides.
  public static func quote(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 2)
    appendQuoted(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the JSON string literal for `text` to `out`, scanning its UTF-8 bytes and copying
  /// each run that needs no escaping in one append.
  static func appendQuoted(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      out.append(0x22)
      var runStart = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        var length = 1
        var escape: Unicode.Scalar?
        if byte < 0x80 {
          if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
            escape = Unicode.Scalar(byte)
          }
        } else {
          // A scalar of 2 to 4 bytes (the string is valid UTF-8).
          length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
          var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
          for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
          if let scalar = Unicode.Scalar(value), NameText.isUnsafe(scalar) { escape = scalar }
        }
        if let escape {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
          appendEscape(escape, to: &out)
          runStart = index + length
        }
        index += length
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
      out.append(0x22)
    }
  }

  /// `\"`, `\\`, `\n`, `\r`, `\t`, or `\u` and four lowercase hex digits: C0 and C1
  /// controls and bidirectional overrides too, so nothing can act on a terminal and the JSON
  /// stays valid.
  private static func appendEscape(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    switch scalar {
    case "\"": out.append(contentsOf: "\\\"".utf8)
    case "\\": out.append(contentsOf: "\\\\".utf8)
    case "\n": out.append(contentsOf: "\\n".utf8)
    case "\r": out.append(contentsOf: "\\r".utf8)
    case "\t": out.append(contentsOf: "\\t".utf8)
    default:
      let hex = String(scalar.value, radix: 16)
      out.append(contentsOf: "\\u".utf8)
      out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, 4 - hex.count)))
      out.append(contentsOf: hex.utf8)
    }
  }
}
