// Vesting of 100,000 grants of mixed terms as of one date, and the vesting report of the
// synthetic company.
import Benchmark
import CapstanEngine
import CapstanModel
import SyntheticLedger

/// The benchmarks of this target, registered by the BenchmarkPlugin's generated `main`.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal],
    timeUnits: .milliseconds, warmupIterations: 2, maxDuration: .seconds(10), maxIterations: 100)

  Benchmark("vesting of 100,000 grants as of one date") { benchmark, grants in
    let date = CalendarDate(iso: "2027-06-30") ?? CalendarDate(daysSinceEpoch: 0)
    for _ in benchmark.scaledIterations {
      var vested: Int64 = 0
      for grant in grants {
        vested &+=
          VestingStatus(
            terms: grant.terms, granted: grant.total, facts: grant.facts, asOf: date
          ).vested.count
      }
      blackHole(vested)
    }
  } setup: {
    VestingBenchmarkInput.grants(100_000)
  }

  Benchmark("VestingReport of the synthetic company (37k grants, restricted stock)") {
    benchmark, table in
    for _ in benchmark.scaledIterations {
      blackHole(VestingReport(table))
    }
  } setup: {
    try SyntheticLedger().ledger.replay(asOf: CalendarDate(iso: "2027-06-30"))
  }
}

/// One grant's inputs.
struct VestingBenchmarkGrant: Sendable {
  var terms: VestingTerms
  var total: Shares
  var facts: VestingFacts
}

/// Deterministic grants of every kind: 70 % 48/12/1 monthly, 10 % quarterly front loaded with
/// a 25 % cliff installment, 10 % weekly in days, 5 % tranches and a milestone (reached),
/// 5 % double-trigger acceleration with a change of control and a termination without cause.
enum VestingBenchmarkInput {
  static func grants(_ count: Int) -> [VestingBenchmarkGrant] {
    var random = SplitMix64(seed: 2_027)
    let origin = CalendarDate(iso: "2022-01-01") ?? CalendarDate(daysSinceEpoch: 0)
    return (0..<count).map { index in
      let start = origin.adding(days: random.int(in: 0...1_800))
      let total = Shares(Int64(random.int(in: 1_000...2_000_000)))
      var facts = VestingFacts.none
      let terms: VestingTerms
      switch index % 20 {
      case 0, 1:
        terms = VestingTerms(
          start: start,
          periodic: PeriodicVesting(length: 48, frequency: 3, cliff: 12, cliffPortion: Ratio(1, 4)),
          allocation: .frontLoaded)
      case 2, 3:
        terms = VestingTerms(
          start: start,
          periodic: PeriodicVesting(unit: .days, length: 1_461, frequency: 7, cliff: 365))
      case 4:
        let tranche = Shares(total.count / 10)
        let milestone = Shares(total.count / 5)
        terms = VestingTerms(
          start: start, periodic: PeriodicVesting(length: 36),
          tranches: [
            VestingTranche(date: start.adding(months: 6), amount: tranche),
            VestingTranche(date: start.adding(months: 18), amount: tranche),
          ], milestones: [VestingMilestone(name: "Launch", amount: milestone)], basis: total)
        facts.milestones = [.init(name: "Launch", date: start.adding(days: 400))]
      case 5:
        terms = VestingTerms(
          start: start, periodic: PeriodicVesting(length: 48, frequency: 1, cliff: 12),
          acceleration: VestingAcceleration(trigger: .double(windowMonths: 12)))
        facts.changeOfControl = start.adding(days: 500)
        facts.termination = .init(date: start.adding(days: 600), withoutCause: true)
      default:
        terms = VestingTerms(
          start: start, periodic: PeriodicVesting(length: 48, frequency: 1, cliff: 12))
      }
      return VestingBenchmarkGrant(terms: terms, total: total, facts: facts)
    }
  }
}
