import Foundation

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator, so a failing case can be
/// replayed from the seed its message prints.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A whole number in `range`.
  mutating func int(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &self) }

  /// True with probability `numerator` in `denominator`.
  mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
    Int.random(in: 0..<denominator, using: &self) < numerator
  }
}

/// How many random cases the oracle property tests run, and from which seed.
///
/// `make test` runs a small default; `make verify` sets `CAPSTAN_VERIFY_CASES` (100,000).
/// `CAPSTAN_VERIFY_SEED` replays a failure: each case's seed is the base seed plus its index,
/// and a failing case prints its own seed, so `CAPSTAN_VERIFY_SEED=<seed>
/// CAPSTAN_VERIFY_CASES=1` runs exactly that case again.
enum OracleCases {
  /// The number of cases: `CAPSTAN_VERIFY_CASES`, or `standard`.
  static func count(standard: Int) -> Int {
    guard let text = ProcessInfo.processInfo.environment["CAPSTAN_VERIFY_CASES"],
      let value = Int(text), value > 0
    else { return standard }
    return value
  }

  /// The seed of case 0: `CAPSTAN_VERIFY_SEED`, or a fixed default (the runs are reproducible).
  static var baseSeed: UInt64 {
    guard let text = ProcessInfo.processInfo.environment["CAPSTAN_VERIFY_SEED"],
      let value = UInt64(text)
    else { return 0x00C0_FFEE }
    return value
  }

  /// Whether one case is being replayed (`CAPSTAN_VERIFY_SEED` set): then a random known-issue
  /// test may find nothing wrong in its few cases, and says so without failing.
  static var isReplay: Bool {
    ProcessInfo.processInfo.environment["CAPSTAN_VERIFY_SEED"] != nil
  }

  /// The seeds of the cases to run.
  static func seeds(standard: Int) -> [UInt64] {
    let base = baseSeed
    return (0..<count(standard: standard)).map { base &+ UInt64($0) }
  }
}
