import CapstanEngine
import CapstanModel
import Testing

/// The issue's worked example: Series A with broad-based weighted-average protection, then a
/// Series B down round senior to it, and three exits (options left out).
@Suite struct WaterfallWorkedExampleTests {
  /// Series A's adjustment for the Series B issue.
  ///
  /// A = 6,000,000 common + 2,000,000 Series A as converted + 1,000,000 options outstanding
  /// = 9,000,000 (the 500,000 unissued are left out, as in the NVCA charter);
  /// B = 3,000,000 ÷ 2.00 = 1,500,000; C = 2,000,000.
  /// CP2 = 2.00 × 10,500,000 ÷ 11,000,000 = 1.909090… → 1.9091.
  /// Ratio 2.00 ÷ 1.9091; 2,000,000 × 2 ÷ 1.9091 = 2,095,228.09… → 2,095,228.
  static func seriesAAdjustment() throws -> ConversionPriceAdjustment {
    try ConversionPriceAdjustment(
      protection: .broadBasedWeightedAverage, originalIssuePrice: Ratio(2), cp1: Ratio(2),
      shares: 2_000_000,
      issuance: DilutiveIssuance(newMoney: Ratio(3_000_000), sharesIssued: 2_000_000),
      base: AntiDilutionBase(
        commonOutstanding: 6_000_000, preferredAsConverted: 2_000_000,
        optionsOutstanding: 1_000_000, unissuedReserve: 500_000))
  }

  static func capitalization() throws -> WaterfallCapitalization {
    let adjustment = try seriesAAdjustment()
    return WaterfallCapitalization(
      classes: [
        .common("Common", [ClassHolding("Founders", 6_000_000)]),
        .preferred(
          "Series A",
          PreferredTerms(
            originalIssuePrice: Ratio(2), participation: .none, seniority: 1,
            conversionRatio: adjustment.conversionRatio),
          [ClassHolding("Fund A", 2_000_000)]),
        .preferred(
          "Series B",
          PreferredTerms(
            originalIssuePrice: Ratio(3, 2), participation: .capped(multiple: Ratio(2)),
            seniority: 2),
          [ClassHolding("Fund B", 2_000_000)]),
      ],
      options: [OptionHolding("Option holders", 1_000_000, strike: Ratio(1, 2))])
  }

  @Test func seriesAConversionPrice() throws {
    let adjustment = try Self.seriesAAdjustment()
    let average = try #require(adjustment.weightedAverage)
    #expect(average.a == Ratio(9_000_000))
    #expect(average.b == Ratio(1_500_000))
    #expect(average.c == Ratio(2_000_000))
    #expect(average.exactCP2 == Ratio(21, 11))
    #expect(adjustment.cp2 == (try dollars("1.9091")))
    #expect(adjustment.asConvertedShares == 2_095_228)
    // Post-money fully diluted: 6,000,000 + 2,095,228 + 2,000,000 + 1,000,000 + 500,000.
    let fullyDiluted =
      Shares(6_000_000) + adjustment.asConvertedShares + 2_000_000 + 1_000_000 + 500_000
    #expect(fullyDiluted == 11_595_228)
  }

  /// $5,000,000: Series B (senior) takes its 1x, 2,000,000 × 1.50 = 3,000,000; Series A takes
  /// what is left, 2,000,000 of its 4,000,000; founders nothing. Converting would give A a
  /// share of nothing (B's preference is paid before common).
  @Test func exitBelowThePreferences() throws {
    let waterfall = try compiled(try Self.capitalization())
    #expect(try payout(waterfall, "Fund B", at: Ratio(5_000_000)) == Ratio(3_000_000))
    #expect(try payout(waterfall, "Fund A", at: Ratio(5_000_000)) == Ratio(2_000_000))
    #expect(try payout(waterfall, "Founders", at: Ratio(5_000_000)) == .zero)
  }

  /// $12,000,000: B takes 3,000,000, A 4,000,000; the remaining 5,000,000 is shared by common
  /// 6,000,000 and B's 2,000,000 participating (as converted, ratio 1): B gets
  /// 5,000,000 × 2 ÷ 8 = 1,250,000, total 4,250,000 ≤ cap 2 × 1.50 × 2,000,000 = 6,000,000;
  /// founders 3,750,000. A converting would get 9,000,000 × 2,095,228 ÷ 10,095,228
  /// = 1,867,897.65… < 4,000,000, so A keeps its preference.
  @Test func exitWhereSeriesAKeepsItsPreference() throws {
    let waterfall = try compiled(try Self.capitalization())
    let exit = Ratio(12_000_000)
    #expect(try payout(waterfall, "Fund B", at: exit) == Ratio(4_250_000))
    #expect(try payout(waterfall, "Fund A", at: exit) == Ratio(4_000_000))
    #expect(try payout(waterfall, "Founders", at: exit) == Ratio(3_750_000))
    let distribution = try waterfall.distribution(at: exit)
    #expect(distribution.classes.converted.isEmpty)
    #expect(distribution.commonPerShare == Ratio(5, 8))
  }

  /// $40,000,000: both convert. Common 6,000,000 + 2,095,228 + 2,000,000 = 10,095,228 shares;
  /// founders 40,000,000 × 6,000,000 ÷ 10,095,228 = 23,773,608.68; A × 2,095,228 = 8,301,855.09;
  /// B × 2,000,000 = 7,924,536.23 (cents add to 40,000,000.00). B not converting would be
  /// capped at 6,000,000; A not converting would keep 4,000,000.
  @Test func exitWhereBothConvert() throws {
    let waterfall = try compiled(try Self.capitalization())
    let exit = Ratio(40_000_000)
    let distribution = try waterfall.distribution(at: exit)
    #expect(distribution.classes.converted == ["Series A", "Series B"])
    let cents = Dictionary(uniqueKeysWithValues: distribution.holders.map { ($0.holder, $0.cents) })
    #expect(cents["Founders"] == 2_377_360_868)
    #expect(cents["Fund A"] == 830_185_509)
    #expect(cents["Fund B"] == 792_453_623)
    #expect(distribution.holders.map(\.cents).reduce(0, +) == 4_000_000_000)
    #expect(
      try payout(waterfall, "Founders", at: exit) == Ratio(240_000_000_000_000, 10_095_228))
  }

  /// The breakpoints of the example: proceeds begin; B's rank fills at 3,000,000; A's at
  /// 7,000,000, where common starts; B's cap (u = 3,000,000 ÷ 2,000,000 = 1.50 per share) at
  /// 7,000,000 + 8,000,000 × 1.50 = 19,000,000; A converts at t = 4,000,000 ÷ 2,095,228
  /// per share; B converts at t = 6,000,000 ÷ 2,000,000 = 3.00 per share.
  @Test func breakpoints() throws {
    let schedule = try compiled(try Self.capitalization()).schedule
    let exits = schedule.breakpoints.map(\.exitValue)
    // A converts at c = 4,000,000 ÷ 2,095,228: D = 3,000,000 + 6,000,000 (B capped)
    // + 6,000,000 × c + 2,095,228 × c... the line after B's cap has slope 6,000,000 (common
    // only) from D = 19,000,000 at c = 1.5, so D = 19,000,000 + 6,000,000 × (c − 1.5).
    let tA = Ratio(4_000_000, 2_095_228)
    let dA = Ratio(19_000_000) + Ratio(6_000_000) * (tA - Ratio(3, 2))
    // After A converts the slope is 8,095,228; B converts at c = 3.
    let dB = dA + Ratio(8_095_228) * (Ratio(3) - tA)
    #expect(exits == [.zero, Ratio(3_000_000), Ratio(7_000_000), Ratio(19_000_000), dA, dB])
    // The curves agree with direct evaluation at and between the breakpoints.
    let fundA = try schedule.curve(forHolder: "Fund A")
    #expect(
      fundA.payout(at: Ratio(40_000_000)) == Ratio(2_095_228 * 40, 10_095_228) * Ratio(1_000_000))
    #expect(fundA.payout(at: Ratio(12_000_000)) == Ratio(4_000_000))
  }
}
