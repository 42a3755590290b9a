import Testing

@testable import CapstanModel

/// Random texts over the characters the escapers treat specially, and their neighbours.
private func randomText(_ random: inout FastPathRandom) -> String {
  let pieces = [
    "a", "Z", "0", "7", "-", "=", "+", "@", "\t", "\r", "\n", ",", "\"", "'", ".", "/", "%",
    "\\", " ", "é", "€", "\u{301}", "\"\u{301}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}",
    "\u{A0}", "\u{200E}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{061C}", "\u{2028}", "😀",
    "\u{0}",
  ]
  let count = Int.random(in: 0...8, using: &random)
  return (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }
    .joined()
}

/// The byte-level CSV field and terminal checks against the character-level definitions
/// they replaced.
@Suite("Byte-level escaping equals the scalar-level definitions")
struct ByteEscapingTests {
  /// `CSVCell.field` as it was written before the byte-level version (by Unicode scalar).
  private func referenceField(_ text: String) -> String {
    var value = text
    var quote = false
    if let first = value.unicodeScalars.first,
      ["=", "+", "-", "@", "\t", "\r"].contains(first), !CSVCell.isPlainNumber(value)
    {
      value = "'" + value
      quote = true
    }
    if quote || value.unicodeScalars.contains(where: { [",", "\"", "\n", "\r"].contains($0) }) {
      var out = String.UnicodeScalarView()
      for scalar in value.unicodeScalars {
        out.append(scalar)
        if scalar == "\"" { out.append(scalar) }
      }
      return "\"" + String(out) + "\""
    }
    return value
  }

  @Test("CSVCell.field == the scalar-level definition on random texts")
  func csvProperty() {
    var random = FastPathRandom(state: 4180)
    for _ in 0..<20_000 {
      let text = randomText(&random)
      #expect(CSVCell.field(text) == referenceField(text), "\(text.debugDescription)")
    }
  }

  @Test(
    "CSVCell.field by hand",
    arguments: [
      // A quote is doubled and the field quoted: a"b → "a""b"
      ("a\"b", "\"a\"\"b\""),
      // A formula is defused: =1+1 → "'=1+1"
      ("=1+1", "\"'=1+1\""),
      // A negative amount stays a number.
      ("-1250.50", "-1250.50"),
      // A quote with a combining mark is still doubled (by bytes, as by scalars).
      ("\"\u{301}", "\"\"\"\u{301}\""),
      ("plain €", "plain €"),
      ("", ""),
    ])
  func csvByHand(text: String, expected: String) {
    #expect(CSVCell.field(text) == expected)
  }

  @Test("NameText.escapedKeepingLines == the scalar-level definition on random texts")
  func terminalProperty() {
    var random = FastPathRandom(state: 1)
    for _ in 0..<20_000 {
      let text = randomText(&random)
      let unsafe = text.unicodeScalars.contains {
        $0 != "\n" && $0 != "\t" && NameText.isUnsafe($0)
      }
      #expect(NameText.hasUnsafeScalar(text, keepingLines: true) == unsafe)
      var expected = ""
      for scalar in text.unicodeScalars {
        let escape = scalar != "\n" && scalar != "\t" && NameText.isUnsafe(scalar)
        expected +=
          escape
          ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
          : String(scalar)
      }
      #expect(NameText.escapedKeepingLines(text) == expected, "\(text.debugDescription)")
    }
    // ESC is escaped, a euro sign, a tab and a line feed are kept.
    #expect(NameText.escapedKeepingLines("€1\t\u{1B}[2J\n") == "€1\t\\u{1B}[2J\n")
  }
}
