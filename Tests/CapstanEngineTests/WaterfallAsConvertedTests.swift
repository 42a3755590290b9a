import BigInt
import CapstanEngine
import CapstanModel
import Testing

/// The waterfall counts a preferred class as converted per holder, whatever way it gets there
/// (a whole-number ratio, holders summed in 64-bit integers, or exactly past `Int64`).
@Suite struct WaterfallAsConvertedTests {
  /// A waterfall of one preferred class held as `holdings` at `ratio`, and 1 share of common.
  static func stock(_ holdings: [(String, Int64)], ratio: Ratio) throws -> Ratio {
    let terms = PreferredTerms(originalIssuePrice: .one, conversionRatio: ratio)
    let capitalization = WaterfallCapitalization(classes: [
      .common("Common", [ClassHolding("Founder", Shares(1))]),
      .preferred("Series A", terms, holdings.map { ClassHolding($0.0, Shares($0.1)) }),
    ])
    return try Waterfall(capitalization).stockAsConverted
  }

  /// Ratio 3/2; A holds 1 and 1 (listed apart), B 1, C 1. Per holder: A 2 × 3/2 = 3, B and C
  /// 3/2 floored to 1 each: 5, plus 1 common = 6. (Per certificate it would be 4, per class
  /// 4 × 3/2 = 6.)
  @Test func sumsEachHolderBeforeFlooring() throws {
    let holdings: [(String, Int64)] = [("A", 1), ("B", 1), ("A", 1), ("C", 1)]
    #expect(try Self.stock(holdings, ratio: Ratio(3, 2)) == Ratio(6))
  }

  /// A whole-number ratio drops nothing: (3 + 5 + 2) × 2 = 20, plus 1 common.
  @Test func wholeNumberRatioMultipliesTheClass() throws {
    let holdings: [(String, Int64)] = [("A", 3), ("B", 5), ("A", 2)]
    #expect(try Self.stock(holdings, ratio: Ratio(2)) == Ratio(21))
  }

  /// A's two certificates add up past `Int64` (2^63 − 2 + 10 = 2^63 + 8): counted exactly,
  /// (2^63 + 8) × 1/2 = 2^62 + 4, plus 1 common.
  @Test func holderSumPastInt64IsExact() throws {
    let holdings: [(String, Int64)] = [("A", Int64.max - 1), ("A", 10)]
    let expected = Ratio(BigInt(1) << 62 + 5)
    #expect(try Self.stock(holdings, ratio: Ratio(1, 2)) == expected)
  }

  /// 2^62 shares at 5/2 convert into 5 × 2^61, past `Int64`: counted exactly, plus 1 common.
  @Test func convertedCountPastInt64IsExact() throws {
    let holdings: [(String, Int64)] = [("A", 1 << 62)]
    let expected = Ratio(BigInt(5) << 61 + 1)
    #expect(try Self.stock(holdings, ratio: Ratio(5, 2)) == expected)
  }
}
