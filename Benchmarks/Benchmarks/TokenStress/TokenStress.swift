// Compute-token stress along a 1,000-point price path: mark-to-market, funding gap, effective
// price per share and runway at every point, for a company with three grants (24/6/1 with
// in-step equity, price-gated, delivered at grant).
import Benchmark
import CapstanEngine
import CapstanModel

/// The benchmarks of this target, registered by the BenchmarkPlugin's generated `main`.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal],
    timeUnits: .milliseconds, warmupIterations: 2, maxDuration: .seconds(10), maxIterations: 100)

  Benchmark("stress over a 1,000-point price path") { benchmark, input in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(
          try TokenStress.run(
            input.positions, market: input.market, asOf: input.start,
            shocks: [Ratio(-1, 2), Ratio(-9, 10)], path: input.path, runway: input.runway))
      } catch {
        benchmark.error("the stress fails: \(error)")
      }
    }
  } setup: {
    TokenStressInput()
  }
}

/// Three grants of one token, 250 recorded prices, and a daily path of 1,000 prices.
struct TokenStressInput {
  let start = CalendarDate(year: 2026, month: 6, day: 1) ?? .today()
  let positions: [ComputeGrantPosition]
  let market: TokenMarket
  let path: [TokenPriceMark]
  let runway = RunwayInputs(
    cash: Ratio(2_000_000), monthlyCashBurn: Ratio(150_000), monthlyComputeUnits: Ratio(40_000),
    computeUnitPrice: Ratio(5, 2))

  init() {
    let start = self.start
    let gate = PriceGate(
      start: start,
      tranches: [
        PriceGate.Tranche(tokens: 200_000, target: Ratio(3)),
        PriceGate.Tranche(tokens: 300_000, target: Ratio(4)),
      ],
      end: start.adding(months: 36))
    positions = [
      ComputeGrantPosition(
        grant: ComputeGrant(
          security: "CG-1", provider: "computeco", symbol: "H100H", tokens: 1_500_000,
          agreedPrice: Ratio(2),
          unlock: .vesting(
            VestingSchedule(start: start, totalMonths: 24, cliffMonths: 6, frequencyMonths: 1)),
          equity: EquityConsideration(security: "PS-2", shares: 1_730_802, release: .inStep)),
        date: start),
      ComputeGrantPosition(
        grant: ComputeGrant(
          security: "CG-2", provider: "computeco", symbol: "H100H", tokens: 500_000,
          agreedPrice: Ratio(5, 2), unlock: .priceGated(gate), expires: start.adding(months: 40)),
        date: start),
      ComputeGrantPosition(
        grant: ComputeGrant(
          security: "CG-3", provider: "computeco", symbol: "H100H", tokens: 100_000,
          agreedPrice: Ratio(2), unlock: .atGrant),
        date: start),
    ]
    // A deterministic walk in cents, between $0.50 and $5.00.
    var cents: Int64 = 260
    var seed: UInt64 = 2_026
    func step() -> Int64 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int64((seed >> 33) % 21) - 10
    }
    var recorded: [TokenPriceMark] = []
    for day in stride(from: -500, to: 0, by: 2) {
      cents = min(500, max(50, cents + step()))
      recorded.append(
        TokenPriceMark(symbol: "H100H", date: start.adding(days: day), price: Ratio(cents, 100)))
    }
    market = TokenMarket(
      tokens: [
        ComputeToken(symbol: "H100H", issuer: "computeco", unit: "H100-hour", peg: Ratio(5, 2))
      ], prices: recorded)
    path = (1...1_000).map { day in
      cents = min(500, max(50, cents + step()))
      return TokenPriceMark(
        symbol: "H100H", date: start.adding(days: day), price: Ratio(cents, 100))
    }
  }
}
