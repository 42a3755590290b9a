import BigInt
import CapstanModel

/// Shows exact amounts in whole cents (or any unit) that add up exactly to their rounded sum.
///
/// The largest-remainder (Hamilton) method: each amount is floored to the unit; the units left
/// over (the exact sum rounded half-up to the unit, less the sum of the floors) go one each to
/// the amounts with the largest remainders; equal remainders go to the earlier amount (input
/// order), so the result is deterministic. No amount moves by a whole unit or more, and an
/// amount that is already whole is never changed.
public enum LargestRemainder {
  /// `amounts` (each ≥ 0) in units of 10^-places (cents by default), adding up to their exact
  /// sum rounded half-up.
  ///
  /// Units are `BigInt`: an exit of $92,233,720,368,547,758.08 or more is past `Int64` in cents,
  /// and the cents must still add up exactly.
  public static func allocate(_ amounts: [Ratio], places: Int = 2) -> [BigInt] {
    let scale = Ratio(BigInt(10).power(max(0, places)))
    var units: [BigInt] = []
    var remainders: [(remainder: Ratio, index: Int)] = []
    units.reserveCapacity(amounts.count)
    var floored = BigInt(0)
    for (index, amount) in amounts.enumerated() {
      let scaled = amount * scale
      let unit = scaled.floor
      units.append(unit)
      floored += unit
      let remainder = scaled - Ratio(unit)
      if !remainder.isZero { remainders.append((remainder, index)) }
    }
    let target = (Ratio.sum(amounts) * scale).rounded(places: 0).floor
    var left = target - floored
    remainders.sort { ($0.remainder, $1.index) > ($1.remainder, $0.index) }
    var position = 0
    // The remainders add up to more than `left` - ½, so each unit left has an amount to go to.
    while left > 0, position < remainders.count {
      units[remainders[position].index] += 1
      left -= 1
      position += 1
    }
    return units
  }
}
