/// One CSV field as Capstan writes it: RFC 4180 quoting, and defused against formula injection.
///
/// A spreadsheet opening a CSV runs a cell that begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return as a formula (`=HYPERLINK(...)` in a stakeholder's name). Following OWASP's
/// advice on CSV injection, such a text cell is prefixed with a single quote and quoted, so it
/// shows as the text it is. A plain number (`-1250.50`, `-3/4`, `-50%`) is left as it is:
/// negative amounts in numeric columns stay numbers.
public enum CSVCell {
  /// The field text for `text`.
  ///
  /// Settled on the UTF-8 bytes: a field that needs nothing is returned as it is, and one that
  /// is quoted is written into one buffer, its runs without a `"` copied whole (a `"` byte is
  /// always the scalar U+0022 in UTF-8, so doubling bytes doubles scalars).
  public static func field(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes -> String? in
      guard let first = bytes.first else { return nil }
      let defuse =
        (first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
          || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D)
        && !isPlainNumber(bytes)
      var quotes = 0
      var special = false
      for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
        special = true
        if byte == 0x22 { quotes += 1 }
      }
      guard defuse || special else { return nil }
      return quoted(bytes, defuse: defuse, quotes: quotes)
    } ?? text
  }

  /// `"`, a `'` when defused, the bytes with every `"` doubled, `"`.
  private static func quoted(
    _ bytes: UnsafeBufferPointer<UInt8>, defuse: Bool, quotes: Int
  ) -> String {
    String(unsafeUninitializedCapacity: bytes.count + quotes + (defuse ? 3 : 2)) { out in
      var written = 0
      out[written] = 0x22
      written += 1
      if defuse {
        out[written] = UInt8(ascii: "'")
        written += 1
      }
      var runStart = 0
      for index in bytes.indices where bytes[index] == 0x22 {
        written = copy(bytes[runStart...index], to: out, at: written)
        out[written] = 0x22
        written += 1
        runStart = index + 1
      }
      written = copy(bytes[runStart...], to: out, at: written)
      out[written] = 0x22
      return written + 1
    }
  }

  /// Copies `run` into `out` from `offset`; returns the offset after it.
  private static func copy(
    _ run: Slice<UnsafeBufferPointer<UInt8>>, to out: UnsafeMutableBufferPointer<UInt8>,
    at offset: Int
  ) -> Int {
    guard !run.isEmpty else { return offset }
    _ = UnsafeMutableBufferPointer(rebasing: out[offset..<(offset + run.count)])
      .initialize(fromContentsOf: run)
    return offset + run.count
  }

  /// `-?[0-9]+(\.[0-9]+)?%?` or `-?[0-9]+/[0-9]+`: a number (or percentage) a spreadsheet
  /// reads as a number; a lone `-` (how tables mark "none") is taken as one too.
  public static func isPlainNumber(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isPlainNumber($0) }
  }

  /// `isPlainNumber` on a text's UTF-8 bytes.
  static func isPlainNumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    if text.count == 1 && text[0] == UInt8(ascii: "-") { return true }
    var bytes = text[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    if bytes.last == UInt8(ascii: "%") { bytes = bytes.dropLast() }
    guard !bytes.isEmpty else { return false }
    var separators = 0
    var previousWasDigit = false
    for byte in bytes {
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        previousWasDigit = true
      } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") {
        guard previousWasDigit, separators == 0 else { return false }
        separators += 1
        previousWasDigit = false
      } else {
        return false
      }
    }
    return previousWasDigit
  }
}
