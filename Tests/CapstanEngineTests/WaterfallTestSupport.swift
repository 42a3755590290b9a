import CapstanEngine
import CapstanModel
import Testing

/// The exact amount `dollars` (a plain decimal such as `3750000` or `23773608.68`).
func dollars(_ text: String) throws -> Ratio {
  try #require(Ratio(decimal: text))
}

/// A compiled waterfall, or a recorded issue.
func compiled(
  _ capitalization: WaterfallCapitalization, options: OptionTreatment = .exclude,
  deductions: ExitDeductions = .none
) throws -> Waterfall {
  try Waterfall(capitalization, options: options, deductions: deductions)
}

/// The exact payout of `holder` (in a hand-built capitalization, its name) at `exitValue`,
/// evaluated directly and from the breakpoints, after checking that the two agree.
func payout(_ waterfall: Waterfall, _ holder: Stakeholder.ID, at exitValue: Ratio) throws -> Ratio {
  let direct = try waterfall.distribution(at: exitValue)
  let scheduled = try waterfall.schedule.distribution(at: exitValue)
  let value = try #require(direct.payout(of: holder)).payout
  #expect(try #require(scheduled.payout(of: holder)).payout == value)
  return value
}

extension WaterfallDistribution {
  /// The payout of the holder shown as `name`: for tests of a ledger, whose stakeholder ids
  /// are generated (the engine itself joins holders on ids only).
  func payout(named name: String) -> HolderPayout? {
    holders.first { $0.holderName == name }
  }
}

/// A small deterministic generator (SplitMix64) for random capitalizations from one seed.
struct SplitMix {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A number in `range`.
  mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
    let width = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int64(next() % width)
  }
}

/// A random but valid capitalization: founders' common, one to `maxClasses` preferred classes
/// with random terms and holders, sometimes options at random strikes and SAFEs or notes
/// outstanding (shares given or at a Liquidity Price, every kind of rank).
struct RandomCapitalization: Sendable, CustomStringConvertible {
  let seed: UInt64
  let capitalization: WaterfallCapitalization
  let holders: [String]

  var description: String { "seed \(seed)" }

  init(seed: UInt64, maxClasses: Int64 = 4) {
    self.seed = seed
    var random = SplitMix(state: seed)
    var classes: [WaterfallClass] = []
    var holders: Set<String> = []
    let founders = random.int(0...3) == 0 ? 0 : random.int(1...5_000_000)
    classes.append(.common("Common", [ClassHolding("Founders", Shares(founders))]))
    holders.insert("Founders")
    for index in 0..<random.int(1...maxClasses) {
      let multiple = Ratio(random.int(0...6), 2)
      let participation: Participation
      switch random.int(0...2) {
      case 0: participation = .none
      case 1: participation = .full
      default: participation = .capped(multiple: multiple + Ratio(random.int(0...6), 2))
      }
      let terms = PreferredTerms(
        originalIssuePrice: Ratio(random.int(1...500), 100), preferenceMultiple: multiple,
        participation: participation, seniority: Int(random.int(1...3)),
        conversionRatio: Ratio(random.int(1...30), random.int(1...20)))
      var holdings: [ClassHolding] = []
      for holder in 0..<random.int(1...3) {
        let name = "Investor \(random.int(0...5))"
        holdings.append(ClassHolding(name, Shares(random.int(0...2_000_000) + holder)))
        holders.insert(name)
      }
      classes.append(.preferred("Series \(index)", terms, holdings))
    }
    var options: [OptionHolding] = []
    for index in 0..<random.int(0...3) {
      let name = "Employee \(index)"
      options.append(
        OptionHolding(
          name, Shares(random.int(0...500_000)), strike: Ratio(random.int(0...400), 100),
          kind: index == 2 ? .warrant : .option))
      holders.insert(name)
    }
    var convertibles: [OutstandingConvertible] = []
    // Up to three SAFEs or notes: shares given, or at a Liquidity Price (post- or pre-money,
    // caps at least four times the cash-out amount so the post-money ones never buy the company), each
    // ranked on par with preferred, at a stated rank, or as debt.
    for index in 0..<(random.int(0...2) == 0 ? random.int(1...3) : 0) {
      let note = random.int(0...1) == 0
      let amount = Ratio(random.int(0...2_000_000))
      let interest = note ? Ratio(random.int(0...200_000)) : .zero
      let cap = (amount + interest) * Ratio(random.int(4...40)) + .one
      let conversion: OutstandingConvertible.Conversion
      switch random.int(0...3) {
      case 0: conversion = .shares(Shares(random.int(0...1_000_000)))
      case 1: conversion = .liquidityPrice(cap: cap, .preMoney)
      default: conversion = .liquidityPrice(cap: cap, .postMoney)
      }
      let rank: ConvertibleRank
      switch random.int(0...3) {
      case 0: rank = .seniority(Int(random.int(0...3)))
      case 1: rank = .debt
      default: rank = .withPreferred
      }
      let name = index == 0 ? "Angel" : "Lender \(index)"
      convertibles.append(
        OutstandingConvertible(
          "\(note ? "N" : "SAFE")-\(index + 1)", holder: name, kind: note ? .note : .safe,
          amount: amount, interest: interest,
          conversion: conversion, rank: rank))
      holders.insert(name)
    }
    capitalization = WaterfallCapitalization(
      classes: classes, options: options, convertibles: convertibles)
    self.holders = holders.sorted()
  }
}
