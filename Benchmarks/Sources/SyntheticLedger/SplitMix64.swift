/// A small, fast, deterministic pseudo-random generator (Steele, Lea and Flood's SplitMix64).
///
/// The synthetic ledger must be the same on every machine and toolchain, so it draws from this
/// generator rather than the system's, and maps numbers to ranges with its own arithmetic.
public struct SplitMix64: Sendable {
  private var state: UInt64

  /// A generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (`bound` > 0), by the high half of a 128-bit product.
  public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "SplitMix64.below needs a positive bound")
    return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A number in `range`.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// True `permille` times in a thousand.
  public mutating func chance(_ permille: Int) -> Bool { below(1000) < permille }
}
