/// One CSV field as Capstan writes it: RFC 4180 quoting, and defused against formula injection.
///
/// A spreadsheet opening a CSV runs a cell that begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return as a formula (`=HYPERLINK(...)` in a stakeholder's name). Following OWASP's
/// advice on CSV injection, such a text cell is prefixed with a single quote and quoted, so it
/// shows as the text it is. A plain number (`-1250.50`, `-3/4`, `-50%`) is left as it is:
/// negative amounts in numeric columns stay numbers.
public enum CSVCell {
  /// The field text for `text`.
  public static func field(_ text: String) -> String {
    var value = text
    var quote = false
    if let first = value.utf8.first,
      first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D,
      !isPlainNumber(value)
    {
      value = "'" + value
      quote = true
    }
    if quote || value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
    {
      return "\"" + value.replacingQuotes() + "\""
    }
    return value
  }

  /// `-?[0-9]+(\.[0-9]+)?%?` or `-?[0-9]+/[0-9]+`: a number (or percentage) a spreadsheet
  /// reads as a number; a lone `-` (how tables mark "none") is taken as one too.
  public static func isPlainNumber(_ text: String) -> Bool {
    if text == "-" { return true }
    var bytes = Substring(text).utf8[...]
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

extension String {
  /// Every `"` doubled, by Unicode scalar: a quote followed by a combining mark is one
  /// Character, and doubling Characters would miss it (found by `make fuzz`, FuzzCSV).
  fileprivate func replacingQuotes() -> String {
    guard utf8.contains(0x22) else { return self }
    var out = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      out.append(scalar)
      if scalar == "\"" { out.append(scalar) }
    }
    return String(out)
  }
}
