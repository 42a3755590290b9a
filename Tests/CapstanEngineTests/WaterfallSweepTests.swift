import CapstanEngine
import CapstanModel
import Testing

/// A sweep evaluates many exit values on the payouts' linear pieces; every result must equal
/// `classPayouts(at:)` exactly, on the breakpoints and between them, in any order.
@Suite struct WaterfallSweepTests {
  static let deductions: [ExitDeductions] = [
    .none,
    ExitDeductions(transactionExpenses: Ratio(250_000)),
    ExitDeductions(transactionExpenses: Ratio(100_000), carveOut: .fraction(Ratio(1, 10))),
    ExitDeductions(carveOut: .amount(Ratio(1_000_000))),
  ]

  /// Breakpoints, their neighbours a cent away, random cents, odd fractions and huge values.
  static func exitValues(_ schedule: PayoutSchedule, _ random: inout SplitMix) -> [Ratio] {
    var values: [Ratio] = [.zero, Ratio(1, 100)]
    for breakpoint in schedule.breakpoints {
      values.append(breakpoint.exitValue)
      values.append(breakpoint.exitValue + Ratio(1, 100))
      if breakpoint.exitValue >= Ratio(1, 100) {
        values.append(breakpoint.exitValue - Ratio(1, 100))
      }
    }
    let last = schedule.breakpoints.last?.exitValue ?? Ratio(1_000_000)
    let topCents = max(Int64(clamping: (last * Ratio(130)).floor), 1_000)
    for _ in 0..<300 { values.append(Ratio(random.int(0...topCents), 100)) }
    for _ in 0..<20 {
      values.append(Ratio(random.int(0...topCents), random.int(1...997)))
    }
    values.append(Ratio(Int64.max / 3, 7))
    values.append(Ratio(1_000_000_000_000_000) + Ratio(1, 3))
    return values
  }

  func check(_ schedule: PayoutSchedule, _ values: [Ratio], _ context: String) throws {
    let sweep = try schedule.sweep(values)
    #expect(sweep.count == values.count)
    for (value, payouts) in zip(values, sweep) {
      #expect(payouts == (try schedule.classPayouts(at: value)), "\(context) at \(value)")
    }
  }

  @Test func sweepEqualsDirectEvaluationOnRandomCapitalizations() throws {
    for seed in UInt64(0)..<120 {
      let random = RandomCapitalization(seed: seed, maxClasses: 8)
      let deductions = Self.deductions[Int(seed) % Self.deductions.count]
      let waterfall: Waterfall
      do {
        waterfall = try Waterfall(
          random.capitalization, options: .exercisedWhenInTheMoney, deductions: deductions)
      } catch WaterfallError.noResidualClaimant {
        continue
      }
      let schedule = waterfall.schedule
      var generator = SplitMix(state: seed &+ 1)
      let values = Self.exitValues(schedule, &generator)
      try check(schedule, values.sorted(), "\(random), ascending")
      try check(schedule, values, "\(random), unsorted")
    }
  }

  @Test func sweepEqualsDirectEvaluationAtScale() throws {
    let schedule = try Waterfall(WaterfallScaleTests.capitalization()).schedule
    var generator = SplitMix(state: 7)
    try check(schedule, Self.exitValues(schedule, &generator).sorted(), "20 classes")
  }

  @Test func sweepRejectsANegativeExitValue() {
    #expect(throws: WaterfallError.negativeExitValue(Ratio(-1))) {
      let schedule = try Waterfall(WaterfallScaleTests.capitalization()).schedule
      _ = try schedule.sweep((0..<500).map { Ratio(Int64($0)) } + [Ratio(-1), Ratio(-2)])
    }
  }
}
