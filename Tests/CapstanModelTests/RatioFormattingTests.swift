import BigInt
import CapstanModel
import Foundation
import Testing

@Suite("Ratio text: parsing and formatting")
struct RatioFormattingTests {
  @Test(
    "Ratio(decimal:) reads plain decimals exactly",
    arguments: [
      ("12", frac(12, 1)),
      // -0.0001 = -1/10^4
      ("-0.0001", frac(-1, 10000)),
      // 1250000.50 = 125000050/100 = 2500001/2
      ("1250000.50", frac(2_500_001, 2)),
      ("-0.5", frac(-1, 2)),
      // a bare fraction part is a number: .5 = 1/2
      (".5", frac(1, 2)),
      ("007", frac(7, 1)),
      ("0", Ratio.zero),
      // -.25 = -1/4
      ("-.25", frac(-1, 4)),
      // 18 digits, the most the Int64 fast path takes: 10^18 - 1
      ("999999999999999999", frac(999_999_999_999_999_999, 1)),
      // 18 fraction digits: 1/10^18
      ("0.000000000000000001", frac(1, 1_000_000_000_000_000_000)),
      // 19 digits go the BigInt way: 9999999999999999999/10 does not fit a small numerator
      ("999999999999999999.9", Ratio(BigInt("9999999999999999999") ?? 0, BigInt(10))),
    ])
  func decimalAccepted(text: String, expected: Ratio) {
    #expect(Ratio(decimal: text) == expected)
  }

  @Test("Ratio(decimal:) keeps every digit past 18 (the BigInt path)")
  func decimalLong() {
    // 30 digits: far beyond Int64
    let whole = "123456789012345678901234567890"
    #expect(Ratio(decimal: whole) == Ratio(BigInt(whole) ?? 0))
    #expect(Ratio(decimal: whole)?.numerator.description == whole)
    // 19 fraction digits: 1234567890123456789 / 10^19
    let expected = Ratio(BigInt(1_234_567_890_123_456_789), BigInt(10).power(19))
    #expect(Ratio(decimal: "0.1234567890123456789") == expected)
  }

  @Test(
    "Ratio(decimal:) refuses anything but digits, one minus and one point",
    arguments: [
      "12abc", "1e3", "1,000", "", ".", "1.", "-", "+5", "--5", " 5", "5 ", "1.2.3", "0x10",
      "-.", "١٢", "½", "1_000", "NaN", "∞",
    ])
  func decimalRejected(text: String) {
    #expect(Ratio(decimal: text) == nil)
  }

  @Test(
    "decimalString rounds half-up, trims to minimumPlaces, groups thousands",
    arguments: [
      // 1234567.891 → 2 places 1234567.89 → grouped
      (frac(1_234_567_891, 1000), 2, nil as Int?, true, "1,234,567.89"),
      // -1234567.5 → 0 places, half away from zero → -1,234,568
      (frac(-2_469_135, 2), 0, nil, true, "-1,234,568"),
      // 999.995 → 1000.00 (the carry reaches a new group)
      (frac(999_995, 1000), 2, nil, true, "1,000.00"),
      (frac(100, 1), 2, nil, false, "100.00"),
      // 0.05 → 1 place: 0.1
      (frac(1, 20), 1, nil, false, "0.1"),
      // -0.004 rounds to zero: no "-0.00"
      (frac(-4, 1000), 2, nil, false, "0.00"),
      // 1/3 to 6 places, at least 2
      (frac(1, 3), 6, 2, false, "0.333333"),
      // 1/2 to 6 places, trailing zeros trimmed down to 2
      (frac(1, 2), 6, 2, false, "0.50"),
      // 0.0001 to 6 places, at least 2 → 0.0001
      (frac(1, 10000), 6, 2, false, "0.0001"),
      (frac(123, 1), 0, nil, true, "123"),
      (frac(1000, 1), 0, nil, true, "1,000"),
      // 12,345,678 → eight digits group as 12,345,678
      (frac(12_345_678, 1), 0, nil, true, "12,345,678"),
      // -0.5 → 0 places → -1
      (frac(-1, 2), 0, nil, false, "-1"),
    ])
  func decimalString(value: Ratio, places: Int, minimum: Int?, grouping: Bool, expected: String) {
    #expect(
      value.decimalString(places: places, minimumPlaces: minimum, grouping: grouping) == expected)
  }

  @Test(
    "percentString rounds the percentage half-up",
    arguments: [
      // 4/9 = 44.444…% → 44.44%
      (frac(4, 9), 2, "44.44%"),
      // 1/36 = 2.7777…% → 2.78%
      (frac(1, 36), 2, "2.78%"),
      // 1/12 = 8.3333…% → 8.33%
      (frac(1, 12), 2, "8.33%"),
      // 2/3 = 66.666…% → 66.67%, and 67% with no decimals
      (frac(2, 3), 2, "66.67%"),
      (frac(2, 3), 0, "67%"),
      (Ratio.one, 2, "100.00%"),
      // 1/8 = 12.5%
      (frac(1, 8), 1, "12.5%"),
      (Ratio.zero, 2, "0.00%"),
      // 1/80000 = 0.00125% → 0.00% at 2 places, 0.0013% at 4
      (frac(1, 80000), 4, "0.0013%"),
    ])
  func percentString(value: Ratio, places: Int, expected: String) {
    #expect(value.percentString(places: places) == expected)
  }

  @Test(
    "exactDecimalString only for terminating decimals",
    arguments: [
      (frac(1, 8), "0.125" as String?),
      (frac(1, 3), nil),
      (frac(1, 6), nil),
      (frac(5, 1), "5"),
      (frac(-3, 4), "-0.75"),
      // 1/1024 = 1/2^10 needs 10 places: 5^10 / 10^10 = 9765625 / 10^10
      (frac(1, 1024), "0.0009765625"),
      // 7/20 = 7/(2^2·5): 2 places → 0.35
      (frac(7, 20), "0.35"),
      (Ratio.zero, "0"),
      // 1/(2·5^3) = 1/250 = 0.004
      (frac(1, 250), "0.004"),
    ])
  func exactDecimal(value: Ratio, expected: String?) {
    #expect(value.exactDecimalString == expected)
  }

  @Test("exactDecimalString and fractionString of big values")
  func bigStrings() {
    // 2^70 = 1180591620717411303424
    #expect(Ratio(power2(70)).exactDecimalString == "1180591620717411303424")
    let big = frac(Int64(1) << 62, 3) * frac(Int64(1) << 62, 7)  // 2^124/21
    #expect(big.exactDecimalString == nil)
    #expect(big.fractionString == "21267647932558653966460912964485513216/21")
  }

  @Test(
    "fractionString and Ratio(fractionOrDecimal:) are inverses",
    arguments: [
      (frac(1, 3), "1/3"),
      (frac(-7, 2), "-7/2"),
      (frac(5, 1), "5"),
      (frac(-5, 1), "-5"),
    ])
  func fractionString(value: Ratio, text: String) {
    #expect(value.fractionString == text)
    #expect(Ratio(fractionOrDecimal: text) == value)
  }

  @Test("Ratio(fractionOrDecimal:) reduces and refuses bad fractions")
  func fractionOrDecimal() {
    #expect(Ratio(fractionOrDecimal: "3/6") == frac(1, 2))
    #expect(Ratio(fractionOrDecimal: "0.25") == frac(1, 4))
    for bad in ["1/0", "1.5/2", "1/2/3", "/2", "1/", "a/b", "1 / 2"] {
      #expect(Ratio(fractionOrDecimal: bad) == nil, "\(bad)")
    }
  }

  @Test("Codable: terminating values as decimals, others as n/d, round trip exact")
  func codable() throws {
    let big = frac(Int64(1) << 62, 3) * frac(Int64(1) << 62, 7)
    let values = [frac(1, 8), frac(1, 3), frac(-7, 2), frac(5, 1), Ratio.zero, big]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    let data = try encoder.encode(values)
    let json = String(decoding: data, as: UTF8.self)
    #expect(
      json
        == #"["0.125","1/3","-3.5","5","0","21267647932558653966460912964485513216/21"]"#)
    let decoded = try JSONDecoder().decode([Ratio].self, from: data)
    #expect(decoded == values)
  }

  @Test("Codable refuses text that is not an exact number", arguments: ["abc", "1/0", "1e3", ""])
  func codableRejects(text: String) throws {
    let data = try JSONEncoder().encode([text])
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([Ratio].self, from: data) }
  }
}
