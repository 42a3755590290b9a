// The whole `capstan table` command as a cold process, on the synthetic workspace file.
import Benchmark
import SyntheticLedger

/// The peak resident memory of the `capstan` process itself (the benchmark's own memory
/// metrics would describe this runner, not the child).
let capstanPeakResident = BenchmarkMetric.custom(
  "capstan peak resident (bytes)", polarity: .prefersSmaller, useScalingFactor: false)

/// The benchmarks of this target, registered by the BenchmarkPlugin's generated `main`.
let benchmarks: @Sendable () -> Void = {
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .throughput, capstanPeakResident], timeUnits: .milliseconds,
    warmupIterations: 2, maxDuration: .seconds(15), maxIterations: 50)

  Benchmark("capstan table --basis fully-diluted, cold process", configuration: configuration) {
    benchmark, fixture in
    for _ in benchmark.scaledIterations {
      do {
        let result = try ChildProcess.run(fixture.executable, fixture.arguments)
        guard result.exitCode == 0 else {
          benchmark.error("capstan table failed (exit \(String(describing: result.exitCode)))")
          return
        }
        benchmark.measurement(capstanPeakResident, result.peakResidentBytes)
      } catch {
        benchmark.error("\(error)")
      }
    }
  } setup: {
    try CLIFixture.make()
  } teardown: {
    CLIFixture.removeFiles()
  }
}
