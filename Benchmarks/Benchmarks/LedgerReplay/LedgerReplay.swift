// Replay of the synthetic 110,000-transaction ledger, and the ownership view of its result.
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

  Benchmark("Ledger.replay, 110k transactions") { benchmark, synthetic in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try synthetic.ledger.replay())
      } catch {
        benchmark.error("the synthetic ledger does not replay: \(error)")
      }
    }
  } setup: {
    SyntheticLedger()
  }

  Benchmark("OwnershipView, fully diluted by holder") { benchmark, table in
    for _ in benchmark.scaledIterations {
      blackHole(OwnershipView(table, basis: .fullyDiluted, grouping: .holder))
    }
  } setup: {
    try SyntheticLedger().ledger.replay()
  }
}
