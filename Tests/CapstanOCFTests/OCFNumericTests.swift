import CapstanModel
import CapstanOCF
import Testing

@Suite("OCF Numeric strings")
struct OCFNumericTests {
  @Test(
    "accepts the schema's pattern ^[+-]?[0-9]+(\\.[0-9]{1,10})?$",
    arguments: [
      ("1250000", Ratio(1_250_000)), ("0.0001", Ratio(1, 10_000)), ("-3.5", Ratio(-7, 2)),
      ("+2", Ratio(2)), ("50000.0000000000", Ratio(50_000)),
      ("0.1234567891", Ratio(1_234_567_891, 10_000_000_000)),
    ])
  func accepts(text: String, value: Ratio) {
    #expect(OCFNumeric.parse(text) == value)
  }

  @Test(
    "refuses exponents, 11 decimals, separators and empty parts",
    arguments: [
      "1e3", "1E3", "0.12345678901", "1,000", "1 000", "", ".5", "5.", "--1", "0x10", "NaN",
      "1.2.3", "١٢",
    ])
  func refuses(text: String) {
    #expect(OCFNumeric.parse(text) == nil)
  }
}
