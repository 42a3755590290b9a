import CapstanEngine
import CapstanModel
import Testing

/// 2,000,000 Series A at $2.00 (CP1 2.00); $3,000,000 raised for 2,000,000 shares ($1.50).
@Suite struct AntiDilutionTests {
  let issuance = DilutiveIssuance(newMoney: Ratio(3_000_000), sharesIssued: 2_000_000)
  let base = AntiDilutionBase(
    commonOutstanding: 6_000_000, preferredAsConverted: 2_000_000,
    optionsOutstanding: 1_000_000, unissuedReserve: 500_000)

  func adjust(_ protection: AntiDilution, base: AntiDilutionBase? = nil, price: Ratio? = nil)
    throws -> ConversionPriceAdjustment
  {
    let issue =
      price.map { DilutiveIssuance(newMoney: $0 * Ratio(2_000_000), sharesIssued: 2_000_000) }
      ?? issuance
    return try ConversionPriceAdjustment(
      protection: protection, originalIssuePrice: Ratio(2), cp1: Ratio(2), shares: 2_000_000,
      issuance: issue, base: base ?? self.base)
  }

  /// Narrow-based: A = 2,000,000 (the series as converted), B = 1,500,000, C = 2,000,000:
  /// CP2 = 2.00 × 3,500,000 ÷ 4,000,000 = 1.75; ratio 2 ÷ 1.75 = 8/7;
  /// 2,000,000 × 8/7 = 2,285,714.28… → 2,285,714.
  @Test func narrowBased() throws {
    let adjustment = try adjust(.narrowBasedWeightedAverage)
    #expect(adjustment.cp2 == Ratio(7, 4))
    #expect(adjustment.conversionRatio == Ratio(8, 7))
    #expect(adjustment.asConvertedShares == 2_285_714)
  }

  /// Narrow-based on a named base: `preferred` takes A = 2,000,000 (all preferred as
  /// converted, here the one series): CP2 = 1.75 as above; `outstanding` takes A = 6,000,000 +
  /// 2,000,000 = 8,000,000 (no options): CP2 = 2.00 × 9,500,000 ÷ 10,000,000 = 1.90.
  @Test(arguments: [(NarrowBase.series, "1.75"), (.preferred, "1.75"), (.outstanding, "1.9")])
  func narrowBasedOnANamedBase(_ narrow: NarrowBase, _ cp2: String) throws {
    var named = base
    named.narrowBase = narrow
    #expect(try adjust(.narrowBasedWeightedAverage, base: named).cp2 == (try dollars(cp2)))
  }

  /// Full ratchet: CP2 = 1.50; ratio 4/3; 2,666,666.66… → 2,666,666.
  @Test func fullRatchet() throws {
    let adjustment = try adjust(.fullRatchet)
    #expect(adjustment.cp2 == Ratio(3, 2))
    #expect(adjustment.asConvertedShares == 2_666_666)
  }

  /// With the unissued reserve: A = 9,500,000; CP2 = 2 × 11,000,000 ÷ 11,500,000
  /// = 1.913043… → 1.9130.
  @Test func broadBasedWithReserve() throws {
    var withReserve = base
    withReserve.includesUnissuedReserve = true
    let adjustment = try adjust(.broadBasedWeightedAverage, base: withReserve)
    #expect(adjustment.cp2 == (try dollars("1.9130")))
  }

  /// An issue at or above CP1, or no protection, changes nothing.
  @Test func noAdjustment() throws {
    #expect(try adjust(.fullRatchet, price: Ratio(2)).adjusted == false)
    #expect(try adjust(.broadBasedWeightedAverage, price: Ratio(5, 2)).cp2 == Ratio(2))
    #expect(try adjust(.none).asConvertedShares == 2_000_000)
  }
}
