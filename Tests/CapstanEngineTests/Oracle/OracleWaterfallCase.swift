import CapstanEngine
import CapstanModel

/// Random waterfalls for the oracle property tests: common held by founders and employees;
/// up to 8 preferred classes and outstanding convertibles together, with 1x, 1.5x or 2x
/// preferences, no, full or capped participation, seniority ranks 1 to 3 (ties on purpose),
/// conversion ratios moved by anti-dilution, and options at several strikes.
struct OracleWaterfallCase: Sendable {
  let capitalization: WaterfallCapitalization
  let includeOptions: Bool
  /// Exit values, ascending.
  let exits: [Ratio]

  /// A random case; convertibles get a seniority of their own unless `defaultRanks`, which
  /// leaves them to the default rank (the reading issue 13 changes).
  init(_ rng: inout SplitMix64, defaultRanks: Bool = false) {
    var classes: [WaterfallClass] = [
      .common(
        "Common",
        [
          ClassHolding("Founders", Shares(rng.int(1_000_000...10_000_000))),
          ClassHolding("Employees", Shares(rng.int(0...2_000_000))),
        ])
    ]
    let convertibleCount = Int(rng.int(0...2))
    let preferredCount = Int(rng.int(0...Int64(8 - convertibleCount)))
    var totalPreference = Ratio.zero
    for index in 0..<preferredCount {
      let originalIssuePrice = Ratio(rng.int(1_000...50_000), 10_000)
      let multiple = [Ratio.one, Ratio(3, 2), Ratio(2)][Int(rng.int(0...2))]
      let participation: Participation
      switch rng.int(0...5) {
      case 0, 1, 2: participation = .none
      case 3: participation = .full
      default: participation = .capped(multiple: multiple + Ratio(rng.int(1...3)))
      }
      let conversionRatio =
        rng.chance(2, in: 3)
        ? Ratio.one
        : originalIssuePrice
          / (originalIssuePrice * Ratio(rng.int(50...99), 100)).rounded(places: 4, .halfUp)
      let terms = PreferredTerms(
        originalIssuePrice: originalIssuePrice, preferenceMultiple: multiple,
        participation: participation, seniority: Int(rng.int(1...3)),
        conversionRatio: conversionRatio)
      var holdings = [ClassHolding("Fund \(index + 1)", Shares(rng.int(100_000...3_000_000)))]
      if rng.chance(1, in: 3) {
        holdings.append(ClassHolding("Founders", Shares(rng.int(1...500_000))))
      }
      let shareClass = WaterfallClass.preferred("Series \(index + 1)", terms, holdings)
      totalPreference += multiple * originalIssuePrice * shareClass.shares.ratio
      classes.append(shareClass)
    }
    var convertibles: [OutstandingConvertible] = []
    for index in 0..<convertibleCount {
      let amount = Ratio(rng.int(100_000...3_000_000))
      let interest = rng.chance(1, in: 2) ? Ratio(rng.int(0...200_000)) : .zero
      convertibles.append(
        OutstandingConvertible(
          "SAFE-\(index + 1)", holder: "Angel \(index + 1)",
          kind: interest.isZero ? .safe : .note, amount: amount, interest: interest,
          asConvertedShares: Shares(rng.int(0...2_000_000)),
          rank: defaultRanks ? .withPreferred : .seniority(Int(rng.int(0...3)))))
      totalPreference += amount + interest
    }
    var options: [OptionHolding] = []
    for index in 0..<Int(rng.int(0...3)) {
      options.append(
        OptionHolding(
          "Employee \(index + 1)", Shares(rng.int(1_000...1_000_000)),
          strike: Ratio(rng.int(0...30_000), 10_000)))
    }
    capitalization = WaterfallCapitalization(
      classes: classes, options: options, convertibles: convertibles)
    includeOptions = rng.chance(2, in: 3)
    // Exits around the total preference (shortfalls, the knee) and far above it.
    var exits = [Ratio.zero, totalPreference]
    for _ in 0..<4 {
      let scale = totalPreference + Ratio(20_000_000)
      exits.append(scale * Ratio(rng.int(0...3_000), 1_000))
    }
    self.exits = exits.sorted()
  }
}
