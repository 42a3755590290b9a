// The issue-13 benchmarks timed by this thread's CPU time as well as by the wall clock, so two
// builds can be compared on a loaded machine (a thread waiting for a core uses no CPU time):
//   swift build -c release --product cpu-time && .build/release/cpu-time [RUNS]
// Prints, for Ledger.replay, the fully diluted ownership view, the round model, the waterfall
// breakpoints and the sweep (the inputs of the LedgerReplay and Waterfall benchmarks), the
// minimum and the median of RUNS runs (default 31).
import CapstanEngine
import CapstanModel
import Foundation
import SyntheticLedger

/// This thread's CPU time, in nanoseconds.
func threadCPUTime() -> Int64 {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
}

/// The wall clock, in nanoseconds.
func wallTime() -> Int64 {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
}

/// Runs `body` `runs` times (after two warm-up runs) and prints the minimum and median CPU
/// and wall times in milliseconds.
func measure(_ name: String, runs: Int, _ body: () throws -> Void) rethrows {
  try body()
  try body()
  var cpu: [Int64] = []
  var wall: [Int64] = []
  for _ in 0..<runs {
    let (c0, w0) = (threadCPUTime(), wallTime())
    try body()
    cpu.append(threadCPUTime() - c0)
    wall.append(wallTime() - w0)
  }
  cpu.sort()
  wall.sort()
  func ms(_ ns: Int64) -> String { String(format: "%.2f", Double(ns) / 1e6) }
  print(
    "\(name): CPU min \(ms(cpu[0])) median \(ms(cpu[runs / 2])) ms; "
      + "wall min \(ms(wall[0])) median \(ms(wall[runs / 2])) ms (\(runs) runs)")
}

/// The Waterfall benchmark's capitalization (a copy of `WaterfallBenchmarkInput`).
func waterfallCapitalization() -> WaterfallCapitalization {
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

let runs = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 31
let synthetic = SyntheticLedger()
let table = try synthetic.ledger.replay()
try measure("Ledger.replay, 110k transactions", runs: runs) {
  _ = try synthetic.ledger.replay()
}
measure("OwnershipView, fully diluted by holder", runs: runs) {
  _ = OwnershipView(table, basis: .fullyDiluted, grouping: .holder)
}
let capitalization = waterfallCapitalization()
try measure("waterfall breakpoints, 20 classes, 10k holders", runs: runs * 10) {
  _ = try Waterfall(capitalization).schedule.breakpoints
}
let schedule = try Waterfall(capitalization).schedule
let last = schedule.breakpoints.last?.exitValue ?? Ratio(100_000_000)
let topCents = Int64(clamping: (last * Ratio(125)).floor)
let exitValues = (0..<10_000).map { Ratio(topCents * Int64($0) / 9_999, 100) }
try measure("waterfall sweep of 10,000 exit values", runs: runs) {
  _ = try schedule.sweep(exitValues)
}

/// The LedgerReplay benchmark's round (a copy of `RoundBenchmarkInput`): 25 post-money SAFEs
/// and 25 notes convert, $20M at a $100M pre-money with a 10 % pool target.
func roundInput() -> RoundInput {
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
let round = roundInput()
try measure("PricedRound.model, 50 SAFEs and notes, 10k holders", runs: runs) {
  _ = try PricedRound.model(round)
}
