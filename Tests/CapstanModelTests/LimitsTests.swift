import BigInt
import CapstanModel
import Testing

/// The documented limits (docs/limits.md): values at the limit pass, values past it are refused
/// naming the field and the limit, and long values are cut in messages.
@Suite("Limits on magnitudes, names and CSV cells")
struct LimitsTests {
  @Test func moneyAtAndPastTheLimit() throws {
    // 10^18 − 10^-10: eighteen 9s, a point, ten 9s; the largest money amount inside the limit.
    let largest = String(repeating: "9", count: 18) + "." + String(repeating: "9", count: 10)
    let value = try AmountParser.amount(largest, field: "--value")
    #expect(value == Ratio(BigInt(10).power(28) - 1, BigInt(10).power(10)))
    // 10^18 itself is one past it.
    #expect(throws: InputError.self) {
      try AmountParser.amount("1" + String(repeating: "0", count: 18), field: "--value")
    }
    // Eleven decimals are past the decimals limit.
    #expect(throws: InputError.self) { try AmountParser.amount("0.00000000001", field: "--x") }
  }

  @Test func aHundredThousandDigitPriceIsRefusedNamingTheLimitAndCut() {
    let digits = "1" + String(repeating: "0", count: 99_999)
    do {
      _ = try AmountParser.amount(digits, field: "--price", as: .price)
      Issue.record("accepted a 100,000-digit price")
    } catch {
      let text = error.description
      #expect(text.contains("--price"))
      #expect(text.contains("limit"))
      #expect(text.contains("(100000 characters)"))
      #expect(text.count < 300, "the message echoes the value: \(text.count) characters")
    }
  }

  @Test func priceLimitIsTwelveWholeDigits() throws {
    // 999,999,999,999.9999999999 is inside (below 10^12, ten decimals); 10^12 is not.
    _ = try AmountParser.price("999999999999.9999999999")
    #expect(throws: InputError.self) { try AmountParser.price("1000000000000") }
  }

  @Test func periodsAreBoundedBeforeTheyAreMultiplied() throws {
    try Limits.check(period: 1_200, inDays: false, field: "length")
    try Limits.check(period: 12, inDays: false, occurrences: 100, field: "p")
    #expect(throws: LimitError.self) {
      try Limits.check(period: Int(Int64.max), inDays: false, occurrences: 2, field: "p")
    }
    #expect(throws: LimitError.self) {
      try Limits.check(period: 2, inDays: false, occurrences: Int(Int64.max), field: "p")
    }
    // 12 × 101 = 1,212 months, past 1,200 in all.
    #expect(throws: LimitError.self) {
      try Limits.check(period: 12, inDays: false, occurrences: 101, field: "p")
    }
  }

  @Test func namesWithControlCharactersAreRefused() {
    #expect(NameText.problem("Ada Lovelace") == nil)
    #expect(NameText.problem("Zoë Ünal") == nil)
    #expect(NameText.problem("") == "is empty")
    #expect(NameText.problem("   ") == "is empty")
    for bad in ["Evil\u{1B}]0;pwned\u{07}", "A\u{0}B", "A\u{85}B", "abc\u{202E}fed", "x\u{2066}y"] {
      #expect(
        NameText.problem(bad)?.contains("control character") == true, "\(bad.debugDescription)")
    }
    #expect(NameText.problem(String(repeating: "a", count: 201))?.contains("200") == true)
  }

  @Test func terminalEscapingShowsControlCharacters() {
    #expect(NameText.escaped("Evil\u{1B}[2J") == "Evil\\u{1B}[2J")
    #expect(NameText.escaped("plain") == "plain")
    #expect(NameText.escapedKeepingLines("a\tb\nc\u{9B}") == "a\tb\nc\\u{9B}")
  }

  @Test(
    "CSV: formula-like text is quoted and prefixed, numbers stay numbers",
    arguments: [
      ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
      ("+1+cmd", "\"'+1+cmd\""), ("-1+2", "\"'-1+2\""), ("@SUM(A1)", "\"'@SUM(A1)\""),
      ("\tx", "\"'\tx\""), ("\rx", "\"'\rx\""),
      ("-1250.50", "-1250.50"), ("-3/4", "-3/4"), ("-7", "-7"), ("1,250", "\"1,250\""),
      // A quote joined by a combining mark (one Character) is still doubled (FuzzCSV).
      ("\"\u{732}x", "\"\"\"\u{732}x\""),
      ("Ada", "Ada"), ("", ""), ("-", "-"), ("-50%", "-50%"), ("-5%x", "\"'-5%x\""),
    ])
  func csvCells(_ input: String, _ expected: String) {
    #expect(CSVCell.field(input) == expected)
  }
}
