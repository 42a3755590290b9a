/// The rules for names (companies, stakeholders, classes, plans, rounds) and for printing any
/// text to a terminal.
///
/// A name with a control character could retitle a terminal window or clear the screen when
/// printed (ANSI escape sequences start with ESC, U+001B), hide or reorder what follows
/// (bidirectional overrides), or be cut short by a NUL; such names are refused where they
/// enter, and any text that reaches a terminal is printed through `escaped` all the same.
public enum NameText {
  /// The longest name accepted, in characters.
  public static let maximumLength = 200

  /// Why `name` cannot be a name, or nil when it can.
  public static func problem(_ name: String) -> String? {
    if name.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return "is empty" }
    if let bad = name.unicodeScalars.first(where: isUnsafe) {
      return "contains the control character \(code(bad)), which could act on a terminal; "
        + "names may not hold control characters (C0, C1) or bidirectional overrides"
    }
    if name.count > maximumLength {
      return "is \(name.count) characters long; names hold at most \(maximumLength)"
    }
    return nil
  }

  /// Whether a scalar is a C0 or C1 control, DEL, a line or paragraph separator, or a
  /// bidirectional embedding, override, isolate or mark.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x200E, 0x200F, 0x061C, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// `text` with every unsafe scalar (see `isUnsafe`) written as `\u{1B}`, so nothing a name
  /// holds can act on the terminal it is printed to.
  public static func escaped(_ text: String) -> String {
    // Printable ASCII, nearly always: settled on the bytes (tables print many cells).
    if isPrintableASCII(text, keepingLines: false) { return text }
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar) {
        out.append(contentsOf: code(scalar).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Output for a terminal: like `escaped`, but line feeds and tabs (which lay out tables and
  /// messages) are kept.
  public static func escapedKeepingLines(_ text: String) -> String {
    // Settled on the bytes, non-ASCII text included (a euro sign in every amount).
    guard hasUnsafeScalar(text, keepingLines: true) else { return text }
    let unsafe = { (scalar: Unicode.Scalar) in
      scalar != "\n" && scalar != "\t" && isUnsafe(scalar)
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if unsafe(scalar) {
        out.append(contentsOf: code(scalar).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether every byte of `text` is printable ASCII (or, keeping lines, a line feed or tab):
  /// one pass over its contiguous UTF-8 (a whole table is checked before it is printed).
  static func isPrintableASCII(_ text: String, keepingLines: Bool) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for byte in bytes where byte < 0x20 || byte >= 0x7F {
        guard keepingLines, byte == 0x0A || byte == 0x09 else { return false }
      }
      return true
    }
  }

  /// Whether `text` holds an unsafe scalar (see `isUnsafe`; keeping lines, line feeds and
  /// tabs are not counted): one pass over its UTF-8 bytes, decoding only non-ASCII scalars.
  static func hasUnsafeScalar(_ text: String, keepingLines: Bool) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
          if byte < 0x20 || byte == 0x7F {
            guard keepingLines, byte == 0x0A || byte == 0x09 else { return true }
          }
          index += 1
          continue
        }
        // A scalar of 2 to 4 bytes (the string is valid UTF-8).
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        if let scalar = Unicode.Scalar(value), isUnsafe(scalar) { return true }
        index += length
      }
      return false
    }
  }

  /// `\u{1B}`.
  static func code(_ scalar: Unicode.Scalar) -> String {
    "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
  }
}
