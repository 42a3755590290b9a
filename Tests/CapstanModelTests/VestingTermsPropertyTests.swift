import CapstanModel
import PropertyBased
import Testing

/// Random valid vesting terms of every kind: months or days, any allocation type, cliffs with
/// or without an explicit installment, tranches, milestones (all reached), acceleration.
struct RandomTerms: Sendable, CustomStringConvertible {
  var terms: VestingTerms
  var total: Shares
  var facts: VestingFacts

  var description: String { "\(total) on \(terms.notation) \(terms) \(facts)" }

  init(_ a: Int, _ b: Int, _ c: Int, _ d: Int, _ e: Int, total: Int64) {
    let start = day("2024-01-31").adding(days: a % 400)
    let unit: VestingUnit = a % 2 == 0 ? .months : .days
    let length = unit == .months ? 1 + a / 2 % 120 : 1 + a / 2 % 1500
    let allocation = VestingAllocation.allCases[b % VestingAllocation.allCases.count]
    var frequency: Int
    var cliff: Int
    if allocation.needsWholeInstallments {
      let divisors = (1...length).filter { length % $0 == 0 }
      frequency = divisors[b / 7 % divisors.count]
      cliff = b / 49 % (length / frequency + 1) * frequency
    } else {
      frequency = 1 + b / 7 % length
      cliff = b / 49 % (length + 1)
    }
    var periodic: PeriodicVesting? = PeriodicVesting(
      unit: unit, length: length, frequency: frequency, cliff: cliff)
    if cliff > 0 && c % 3 == 0 { periodic?.cliffPortion = Ratio(Int64(c / 3 % 101), 100) }
    // Tranches and milestones take up to half of the total; with no schedule, tranches all.
    let trancheCount = d % 3
    let milestoneCount = d / 3 % 3
    let part = { (i: Int) in Shares(max(1, total * Int64((d / 9 + i * 7) % 10 + 1) / 100)) }
    var tranches = (0..<trancheCount).map { i in
      VestingTranche(date: start.adding(days: (e / 4 + i * 37) % 2000), amount: part(i))
    }
    let milestones = (0..<milestoneCount).map { i in
      VestingMilestone(name: "M\(i)", amount: part(i + 3))
    }
    if e % 4 == 0 {
      periodic = nil
      let rest =
        Shares(total) - milestones.reduce(Shares.zero) { $0 + $1.amount }
        - tranches.reduce(Shares.zero) { $0 + $1.amount }
      tranches.append(VestingTranche(date: start.adding(days: e % 900), amount: rest))
    }
    var acceleration: VestingAcceleration?
    switch e % 5 {
    case 0: acceleration = nil
    case 1, 2:
      acceleration = VestingAcceleration(trigger: .single, fraction: Ratio(Int64(e / 5 % 4 + 1), 4))
    default:
      acceleration = VestingAcceleration(
        trigger: .double(windowMonths: 1 + e % 24), fraction: Ratio(Int64(e / 5 % 4 + 1), 4))
    }
    terms = VestingTerms(
      start: start, periodic: periodic, allocation: allocation, tranches: tranches,
      milestones: milestones,
      basis: tranches.isEmpty && milestones.isEmpty ? nil : Shares(total),
      acceleration: acceleration)
    self.total = Shares(total)
    facts = VestingFacts(
      changeOfControl: e % 7 == 0 ? nil : start.adding(days: e / 7 % 1500),
      milestones: milestones.enumerated().map {
        .init(
          name: $0.element.name.lowercased(), date: start.adding(days: (c + $0.offset * 91) % 1800))
      })
  }

  /// Every 5th day from before the start to well after the last event, and each special day.
  var dates: [CalendarDate] {
    let first = terms.start.adding(days: -3)
    var days = Set(stride(from: 0, through: 5_000, by: 5).map { first.adding(days: $0) })
    for tranche in terms.tranches { days.formUnion([tranche.date, tranche.date.adding(days: -1)]) }
    if let periodic = terms.periodic {
      for units in [periodic.cliff, periodic.length] {
        let date = periodic.date(after: terms.start, units: units)
        days.formUnion([date, date.adding(days: -1)])
      }
    }
    return days.sorted()
  }
}

let randomTerms = zip(
  Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_000_000),
  Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_000_000), Gen.int64(in: 1_000...1_000_000_000_000)
).map { RandomTerms($0.0, $0.1, $0.2, $0.3, $0.4, total: $0.5) }

@Suite("Vesting terms properties")
struct VestingTermsPropertyTests {
  @Test("vesting of any terms never decreases, never exceeds the total and ends at the total")
  func monotoneAndComplete() async {
    await propertyCheck(count: 150, input: randomTerms) { random in
      #expect(random.terms.problem(for: random.total) == nil, "\(random)")
      var previous = Shares.zero
      for date in random.dates {
        let vested = random.terms.vested(of: random.total, asOf: date, facts: random.facts)
        #expect(vested >= previous, "\(random) on \(date)")
        #expect(vested <= random.total, "\(random) on \(date)")
        previous = vested
      }
      #expect(previous == random.total, "\(random) ends at \(previous)")
      #expect(
        random.terms.vested(of: random.total, asOf: random.terms.start.adding(days: -1)) == .zero)
    }
  }

  @Test("after a termination vesting is frozen, and still never decreases")
  func frozenAfterTermination() async {
    await propertyCheck(count: 100, input: randomTerms, Gen.int(in: 0...3000), Gen.bool) {
      random, offset, withoutCause in
      var facts = random.facts
      let end = random.terms.start.adding(days: offset)
      facts.termination = .init(date: end, withoutCause: withoutCause)
      var previous = Shares.zero
      for date in random.dates {
        let vested = random.terms.vested(of: random.total, asOf: date, facts: facts)
        #expect(vested >= previous && vested <= random.total, "\(random) on \(date)")
        if date >= end {
          #expect(vested == random.terms.vested(of: random.total, asOf: end, facts: facts))
        }
        previous = vested
      }
    }
  }
}
