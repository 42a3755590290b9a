// The portfolio report at scale: 1,000 companies with 100 holders each, one investor holding
// preferred stock and a compute grant in every one; built and rendered as one HTML page.
import Benchmark
import CapstanModel
import CapstanReports
import SyntheticLedger

/// The benchmarks of this target, registered by the BenchmarkPlugin's generated `main`.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
    timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 20)

  Benchmark("portfolio report, 1,000 companies x 100 holders, HTML") { benchmark, input in
    for _ in benchmark.scaledIterations {
      do {
        let inputs = input.ledgers.map { PortfolioReport.Input(ledger: $0) }
        let document = try PortfolioReport.build(
          investor: SyntheticPortfolio.investor, companies: inputs,
          asOf: SyntheticPortfolio.asOf, currency: .usd,
          compute: LedgerComputeSource(ledgers: input.ledgers, market: input.market))
        blackHole(document.html())
      } catch {
        benchmark.error("the portfolio report fails: \(error)")
      }
    }
  } setup: {
    SyntheticPortfolio.make(companies: 1_000, holders: 100)
  }
}
