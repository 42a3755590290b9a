import CapstanModel
import Testing

@testable import CapstanReports

/// `JSON.quote` and `JSON.render`, written on bytes, against the scalar-level definition.
@Suite("JSON byte-level escaping")
struct JSONQuoteTests {
  /// `JSON.quote` as it was written before the byte-level version (by Unicode scalar).
  private func referenceQuote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20 || NameText.isUnsafe(c):
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  @Test("JSON.quote == the scalar-level definition on random texts")
  func quoteProperty() {
    let pieces = [
      "a", "0", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{1B}", "\u{7F}", "\u{80}",
      "\u{9F}", "\u{A0}", "é", "€", "\u{301}", "\u{061C}", "\u{200E}", "\u{200F}", "\u{2028}",
      "\u{2029}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{206A}", "😀", " ",
    ]
    var state: UInt64 = 7
    for _ in 0..<20_000 {
      var text = ""
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      for shift in stride(from: 0, to: 48, by: 6) where (state >> 60) > UInt64(shift / 6) {
        text += pieces[Int((state >> UInt64(shift)) % UInt64(pieces.count))]
      }
      #expect(JSON.quote(text) == referenceQuote(text), "\(text.debugDescription)")
    }
  }

  @Test("JSON.quote by hand")
  func quoteByHand() {
    // ESC → \u001b, RLO (U+202E) → \u202e, a quote and a backslash escaped, é kept.
    #expect(JSON.quote("é\u{1B}\u{202E}\"\\") == "\"é\\u001b\\u202e\\\"\\\\\"")
    #expect(JSON.quote("") == "\"\"")
  }

  @Test("JSON.render lays out nested values with two-space indentation")
  func render() {
    let value = JSON.object([
      ("name", .string("A\"B")), ("n", .int(-3)), ("ok", .bool(true)), ("none", .null),
      ("list", .array([.int(1), .array([]), .object([])])),
    ])
    let expected = """
      {
        "name": "A\\"B",
        "n": -3,
        "ok": true,
        "none": null,
        "list": [
          1,
          [],
          {}
        ]
      }

      """
    #expect(value.render() == expected)
    #expect(JSON.array([]).render() == "[]\n")
  }
}
