import BigInt
import CapstanEngine
import CapstanModel
import Testing

/// 20 preferred classes and 10,000 holders: the breakpoints come from sorting thresholds,
/// never from trying subsets of converting classes. Timings are printed, not asserted (debug
/// builds here; the budget is for release: breakpoints ≤ 10 ms, 10,000 exits ≤ 50 ms).
@Suite struct WaterfallScaleTests {
  static func capitalization() -> WaterfallCapitalization {
    var random = SplitMix(state: 20)
    var classes: [WaterfallClass] = [
      .common(
        "Common", (0..<2_000).map { ClassHolding("Holder \($0)", Shares(random.int(1...50_000))) })
    ]
    for index in 0..<20 {
      let participation: Participation =
        index % 3 == 0 ? .none : index % 3 == 1 ? .full : .capped(multiple: Ratio(3))
      let terms = PreferredTerms(
        originalIssuePrice: Ratio(Int64(index + 1) * 25, 100), participation: participation,
        seniority: index / 4, conversionRatio: Ratio(random.int(90...110), 100))
      classes.append(
        .preferred(
          "Series \(index)", terms,
          (0..<400).map {
            ClassHolding("Holder \(2_000 + index * 400 + $0)", Shares(random.int(1...20_000)))
          }))
    }
    let options = (0..<1_000).map {
      OptionHolding("Holder \($0 * 7)", Shares(random.int(1...5_000)), strike: Ratio($0 % 50, 10))
    }
    return WaterfallCapitalization(classes: classes, options: options)
  }

  @Test func twentyClassesTenThousandHolders() throws {
    let clock = ContinuousClock()
    let capitalization = Self.capitalization()
    var schedule: PayoutSchedule?
    let build = try clock.measure {
      schedule = try Waterfall(capitalization).schedule
    }
    let compiled = try #require(schedule)
    let exits = (0..<10_000).map { Ratio(Int64($0) * 10_000) }
    var sweep: [ClassPayouts] = []
    let sweeping = try clock.measure { sweep = try compiled.sweep(exits) }
    #expect(sweep.count == 10_000)
    for index in stride(from: 0, to: 10_000, by: 997) {
      #expect(sweep[index].total == exits[index])
    }
    let direct = try compiled.waterfall.distribution(at: Ratio(60_000_000))
    // Each payout rounded half-up on its own: 10,000 holders miss $60M by at most 5,000 cents,
    // and the distribution reports the difference.
    let cents = direct.holders.reduce(BigInt(0)) { $0 + $1.cents }
    #expect(cents - 6_000_000_000 == direct.roundingDifference)
    #expect(direct.roundingDifference.magnitude * 2 <= direct.holders.count)
    #expect(try compiled.distribution(at: Ratio(60_000_000)).holders == direct.holders)
    print("waterfall scale (debug): breakpoints \(build), sweep of 10,000 \(sweeping)")
  }
}
