import CapstanModel
import CapstanTestSupport
import Testing

@testable import CapstanStore

@Suite struct StoredValueTests {
  @Test(arguments: [
    ("0", Ratio(0)), ("-0", Ratio(0)), ("42", Ratio(42)), ("0.0001", fraction(1, 10_000)),
    ("-1.50", fraction(-3, 2)), ("1250000.5", fraction(2_500_001, 2)), ("1/3", fraction(1, 3)),
    ("-7/12", fraction(-7, 12)), ("123456789012345678", Ratio(123_456_789_012_345_678)),
    ("0.000000000000000001", fraction(1, 1_000_000_000_000_000_000)),
  ])
  func storedTextParses(_ text: String, _ value: Ratio) {
    #expect(Ratio(storedText: text) == value)
    // The fast path gives the very value the model's parser gives.
    #expect(Ratio(storedText: text) == Ratio(fractionOrDecimal: text))
  }

  @Test(arguments: [
    "1234567890123456789012345", "99999999999999999999.5", "1/0", "", "-", ".", "1.", "1e5",
    "1,000", " 1", "--1", "1.2.3",
  ])
  func unusualTextAgreesWithTheModel(_ text: String) {
    #expect(Ratio(storedText: text) == Ratio(fractionOrDecimal: text))
  }

  @Test(arguments: [
    Ratio(0), fraction(1, 10_000), fraction(-3, 2), fraction(1, 3), fraction(22, 7), Ratio(5),
    fraction(1, 1_000_000_000_000_000_000) / Ratio(3),
  ])
  func ratiosRoundTrip(_ value: Ratio) {
    #expect(Ratio(storedText: value.storedText) == value)
  }

  @Test func storedTextIsTheExactDecimalOrAFraction() {
    #expect(fraction(1, 10_000).storedText == "0.0001")
    #expect(fraction(5, 4).storedText == "1.25")
    #expect(fraction(1, 3).storedText == "1/3")
    #expect(Ratio(-40).storedText == "-40")
  }
}
