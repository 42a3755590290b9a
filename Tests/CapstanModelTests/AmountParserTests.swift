import CapstanModel
import Testing

@Suite("AmountParser")
struct AmountParserTests {
  @Test(
    "amounts people type, read exactly",
    arguments: [
      ("1250000", frac(1_250_000, 1)),
      // 1,250,000.50 = 2,500,001 / 2
      ("1,250,000.50", frac(2_500_001, 2)),
      // 2.5 × 10^6
      ("2.5M", frac(2_500_000, 1)),
      ("$3m", frac(3_000_000, 1)),
      ("750k", frac(750_000, 1)),
      ("£750K", frac(750_000, 1)),
      // bn = 10^9
      ("1bn", frac(1_000_000_000, 1)),
      ("2b", frac(2_000_000_000, 1)),
      // mm = million, as in finance
      ("1.5MM", frac(1_500_000, 1)),
      ("€2.5m", frac(2_500_000, 1)),
      ("¥100", frac(100, 1)),
      // surrounding spaces are trimmed
      ("  $1,000  ", frac(1000, 1)),
      // 0.0001 = 1/10^4, exact
      ("0.0001", frac(1, 10000)),
      // 0.1 is exact (no Double): 1/10
      ("0.1", frac(1, 10)),
      ("1,000k", frac(1_000_000, 1)),
      ("0", Ratio.zero),
    ])
  func amountAccepted(text: String, expected: Ratio) throws {
    #expect(try AmountParser.amount(text) == expected)
  }

  @Test(
    "amounts that cannot be read are errors, never partial reads",
    arguments: [
      "12abc", "1,25,000", "1,,000", "-5", "1e3", "$", "", "2.5.3", "1,000,00", ",100",
      "1.", "$-5", "-$5", "5$", "k", "1 000", "1,000.5,0", "$$5", "1m5", "12.5%", "0x10",
    ])
  func amountRejected(text: String) {
    let error = #expect(throws: InputError.self) {
      try AmountParser.amount(text, field: "--amount")
    }
    guard case .invalid(let field, let input, let expected)? = error else { return }
    #expect(field == "--amount")
    #expect(input == text)
    #expect(!expected.isEmpty)
  }

  @Test("errors name the field and the input")
  func errorDescription() {
    let error = #expect(throws: InputError.self) {
      try AmountParser.amount("12abc", field: "--price")
    }
    let text = error?.description ?? ""
    #expect(text.hasPrefix("--price: "))
    #expect(text.contains("'12abc'"))
    // a negative amount says why
    let negative = #expect(throws: InputError.self) {
      try AmountParser.amount("-5", field: "--amount")
    }
    #expect(negative?.description.contains("'-5'") == true)
    #expect(negative?.description.contains("negative") == true)
    // without a field the sentence starts with the complaint
    let bare = #expect(throws: InputError.self) { try AmountParser.amount("x") }
    #expect(bare?.description.hasPrefix("cannot read 'x'") == true)
  }

  @Test(
    "percentages: with % divided by 100, without % a fraction ≤ 1",
    arguments: [
      // 12.5% = 12.5/100 = 1/8
      ("12.5%", frac(1, 8)),
      // 0.125 as a fraction = 1/8
      ("0.125", frac(1, 8)),
      ("100%", Ratio.one),
      ("1", Ratio.one),
      ("50 %", frac(1, 2)),
      // 8.33% = 833/10000
      ("8.33%", frac(833, 10000)),
      ("0%", Ratio.zero),
    ])
  func percentageAccepted(text: String, expected: Ratio) throws {
    #expect(try AmountParser.percentage(text) == expected)
  }

  @Test(
    "percentages that cannot be read",
    arguments: ["12.5", "1.0001", "-5%", "%", "abc%", "12.5%%", "$5%", "-0.1", "12,5%"])
  func percentageRejected(text: String) {
    let error = #expect(throws: InputError.self) {
      try AmountParser.percentage(text, field: "--discount")
    }
    #expect(error?.description.contains("--discount") == true)
    #expect(error?.description.contains("'\(text)'") == true)
  }

  @Test("12.5 without % is refused with a hint to write 12.5%")
  func percentageHint() {
    let error = #expect(throws: InputError.self) {
      try AmountParser.percentage("12.5", field: "--discount")
    }
    #expect(error?.description.contains("12.5%") == true)
  }

  @Test("a percentage does not take magnitude suffixes")
  func percentageSuffix() {
    // "5k%" would be read as 5,000% = 50 (fifty times the whole): a typo must not pass as a
    // number. The parser shares the k/m/bn suffix logic with amounts.
    do {
      #expect(throws: InputError.self) { try AmountParser.percentage("5k%") }
      #expect(throws: InputError.self) { try AmountParser.percentage("0.0000001m") }
    }
  }

  @Test(
    "shares: whole numbers, grouped or with a suffix",
    arguments: [
      ("4,000,000", Int64(4_000_000)),
      ("4000000", 4_000_000),
      ("2.5M", 2_500_000),
      // 1.5k = 1500, a whole number
      ("1.5k", 1500),
      ("1bn", 1_000_000_000),
      ("0", 0),
      // exactly the largest input: 10^15
      ("1,000,000,000,000,000", 1_000_000_000_000_000),
    ])
  func sharesAccepted(text: String, expected: Int64) throws {
    #expect(try AmountParser.shares(text) == Shares(expected))
  }

  @Test("a fraction of a share is refused")
  func sharesFraction() {
    let error = #expect(throws: InputError.self) {
      try AmountParser.shares("0.5", field: "--quantity")
    }
    #expect(error?.description.contains("--quantity") == true)
    #expect(error?.description.contains("'0.5'") == true)
    #expect(error?.description.contains("fraction") == true)
    // 2.0000005M = 2,000,000.5 shares: a fraction too
    #expect(throws: InputError.self) { try AmountParser.shares("2.0000005M") }
  }

  @Test(
    "more than 10^15 shares is refused",
    arguments: ["1,000,000,000,000,001", "1000001bn", "10000000000000000000000"])
  func sharesTooMany(text: String) {
    let error = #expect(throws: InputError.self) {
      try AmountParser.shares(text, field: "--quantity")
    }
    #expect(error?.description.contains("'\(text)'") == true)
    #expect(error?.description.contains("at most 1,000,000,000,000,000 shares") == true)
  }

  @Test("shares take no currency symbol and no sign", arguments: ["$100", "-5", "12abc", ""])
  func sharesRejected(text: String) {
    #expect(throws: InputError.self) { try AmountParser.shares(text) }
  }

  @Test(
    "split ratios as new ÷ old",
    arguments: [
      ("2:1", frac(2, 1)),
      ("1:10", frac(1, 10)),
      ("3-for-2", frac(3, 2)),
      ("2-for-1", frac(2, 1)),
      ("3-FOR-2", frac(3, 2)),
      (" 2 : 1 ", frac(2, 1)),
      // 10:4 reduces to 5/2
      ("10:4", frac(5, 2)),
    ])
  func splitRatio(text: String, expected: Ratio) throws {
    #expect(try AmountParser.splitRatio(text) == expected)
  }

  @Test(
    "bad split ratios",
    arguments: [
      "2", "2:0", "0:1", "-2:1", "2:1:1", "a:b", "2/1", "1.5:1", "", ":", "2-for-", "for",
      "1000001:1", "1:1000001", "2-for-1-for-1",
    ])
  func splitRatioRejected(text: String) {
    let error = #expect(throws: InputError.self) {
      try AmountParser.splitRatio(text, field: "--ratio")
    }
    #expect(error?.description.contains("--ratio") == true)
  }

  @Test("dates through the parser name the field")
  func date() throws {
    #expect(try AmountParser.date(" 2025-01-15 ") == day("2025-01-15"))
    let error = #expect(throws: InputError.self) {
      try AmountParser.date("2025-02-29", field: "--date")
    }
    #expect(error?.description.contains("--date") == true)
    #expect(error?.description.contains("'2025-02-29'") == true)
  }
}
