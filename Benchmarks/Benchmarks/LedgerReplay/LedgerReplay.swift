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

  Benchmark("PricedRound.model, 50 SAFEs and notes, 10k holders") { benchmark, input in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try PricedRound.model(input))
      } catch {
        benchmark.error("the round does not model: \(error)")
      }
    }
  } setup: {
    try RoundBenchmarkInput.make()
  }
}

/// A Series B on the synthetic company: 25 post-money SAFEs and 25 notes convert, $20M at a
/// $100M pre-money with a 10 % pool target.
enum RoundBenchmarkInput {
  static func make() throws -> RoundInput {
    let table = try SyntheticLedger().ledger.replay()
    let closing = CalendarDate(year: 2030, month: 6, day: 30) ?? table.asOf
    let issued = CalendarDate(year: 2029, month: 1, day: 1) ?? table.asOf
    var safes: [SAFE] = []
    var notes: [ConvertibleNote] = []
    for index in 0..<25 {
      safes.append(
        SAFE(
          id: SecurityID("SAFE-\(index + 1)"), holder: .newInvestor("SAFE holder \(index)"),
          purchaseAmount: Ratio(Int64(100_000 + 10_000 * index)),
          valuationCap: Ratio(Int64(40_000_000 + 1_000_000 * index)), discount: Ratio(1, 5)))
      notes.append(
        ConvertibleNote(
          id: SecurityID("N-\(index + 1)"), holder: .newInvestor("Note holder \(index)"),
          principal: Ratio(Int64(50_000 + 5_000 * index)), interestRate: Ratio(2, 25),
          issued: issued, valuationCap: Ratio(Int64(60_000_000 + 500_000 * index)),
          discount: Ratio(3, 20), capBasis: .preMoneyFullyDiluted))
    }
    return RoundInput(
      capitalization: PreRoundCapitalization(table), safes: safes, notes: notes,
      valuation: .preMoney(Ratio(100_000_000)),
      investors: [Investor("Lead", amount: Ratio(20_000_000))],
      pool: .target(Ratio(1, 10)), closing: closing)
  }
}
