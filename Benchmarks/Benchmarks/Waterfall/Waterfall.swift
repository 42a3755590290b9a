// The liquidation waterfall at scale: 20 preferred classes with mixed terms and 10,000
// holders; its breakpoints, and class payouts at 10,000 exit values.
import Benchmark
import CapstanEngine
import CapstanModel
import SyntheticLedger

/// The benchmarks of this target, registered by the BenchmarkPlugin's generated `main`.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [
      .wallClock, .throughput, .peakMemoryResident, .peakMemoryResidentDelta, .mallocCountTotal,
      .mallocBytesCount,
    ],
    timeUnits: .milliseconds, warmupIterations: 2, maxDuration: .seconds(10), maxIterations: 100)

  Benchmark("breakpoints, 20 classes, 10k holders") { benchmark, capitalization in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try Waterfall(capitalization).schedule.breakpoints)
      } catch {
        benchmark.error("the synthetic capitalization does not compile: \(error)")
      }
    }
  } setup: {
    WaterfallBenchmarkInput.capitalization()
  }

  Benchmark("sweep of 10,000 exit values") { benchmark, input in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try input.schedule.sweep(input.exitValues))
      } catch {
        benchmark.error("the sweep fails: \(error)")
      }
    }
  } setup: {
    try WaterfallBenchmarkInput.sweep()
  }
}

/// A deterministic synthetic capitalization for the waterfall benchmarks.
enum WaterfallBenchmarkInput {
  /// 2,000 common holders and 20 preferred classes of 400 holders each (10,000 holders);
  /// multiples 1x to 2x, non-participating, fully participating and capped classes, seven
  /// seniority ranks of up to three classes pari passu, some adjusted conversion ratios, and
  /// 1,000 option grants at 25 strikes.
  static func capitalization() -> WaterfallCapitalization {
    var random = SplitMix64(seed: 2_026)
    var classes: [WaterfallClass] = [
      .common(
        "Common",
        (0..<2_000).map {
          ClassHolding("Holder \($0)", Shares(Int64(random.int(in: 1_000...80_000))))
        })
    ]
    for index in 0..<20 {
      let multiple = Ratio(Int64(4 + index % 5), 4)
      let participation: Participation
      switch index % 3 {
      case 0: participation = .none
      case 1: participation = .full
      default: participation = .capped(multiple: multiple + Ratio(Int64(1 + index % 2)))
      }
      let conversionRatio = index % 4 == 3 ? Ratio(Int64(10_000 + 37 * index), 10_000) : .one
      let terms = PreferredTerms(
        originalIssuePrice: Ratio(Int64(50 + 37 * index), 100), preferenceMultiple: multiple,
        participation: participation, seniority: 7 - index / 3,
        conversionRatio: conversionRatio)
      classes.append(
        .preferred(
          "Series \(index)", terms,
          (0..<400).map {
            ClassHolding(
              "Holder \(2_000 + index * 400 + $0)",
              Shares(Int64(random.int(in: 500...20_000))))
          }))
    }
    let options = (0..<1_000).map {
      OptionHolding(
        "Holder \($0 * 2)", Shares(Int64(random.int(in: 100...10_000))),
        strike: Ratio(Int64(5 + ($0 % 25) * 21), 100))
    }
    return WaterfallCapitalization(classes: classes, options: options)
  }

  /// The compiled schedule and 10,000 exit values in whole cents, ascending, from zero to a
  /// quarter beyond the last breakpoint.
  static func sweep() throws -> (schedule: PayoutSchedule, exitValues: [Ratio]) {
    let schedule = try Waterfall(capitalization()).schedule
    let last = schedule.breakpoints.last?.exitValue ?? Ratio(100_000_000)
    let topCents = Int64(clamping: (last * Ratio(125)).floor)
    let exitValues = (0..<10_000).map { Ratio(topCents * Int64($0) / 9_999, 100) }
    return (schedule, exitValues)
  }
}
