import CapstanEngine
import CapstanModel
import Testing

/// A preferred class without a conversion right (an Open Cap Format class with no
/// `conversion_rights`) takes its preference and never converts.
@Suite("Waterfall: a class without a conversion right")
struct WaterfallNoConversionTests {
  /// Founders 1,000,000 Common; Fund A 1,000,000 Series A at $1.00, 1x non-participating.
  static func capitalization(convertible: Bool) -> WaterfallCapitalization {
    WaterfallCapitalization(classes: [
      WaterfallCase.founders,
      .preferred(
        "Series A", PreferredTerms(originalIssuePrice: .one, convertible: convertible),
        [ClassHolding("Fund A", 1_000_000)]),
    ])
  }

  @Test("at a $10M exit it keeps its $1M preference; with a conversion right it converts")
  func tenMillion() throws {
    // Not convertible: Fund A $1,000,000; Founders the rest, $9,000,000.
    let fixed = try compiled(Self.capitalization(convertible: false))
    #expect(try payout(fixed, "Fund A", at: Ratio(10_000_000)) == Ratio(1_000_000))
    #expect(try payout(fixed, "Founders", at: Ratio(10_000_000)) == Ratio(9_000_000))
    // Convertible: converting gives 10M × 1/2 = $5,000,000 > $1,000,000, so it converts.
    let converting = try compiled(Self.capitalization(convertible: true))
    #expect(try payout(converting, "Fund A", at: Ratio(10_000_000)) == Ratio(5_000_000))
  }
}
