import CapstanModel
import Foundation

/// Vesting schedules as cap-table sheets write them: `48/12/1`, `4 years monthly, 1 year
/// cliff`, `48 months / 12 month cliff`, `1/48 monthly after 1 year cliff`, `4 years
/// quarterly, no cliff`.
enum SheetVestingText {
  /// What a text says.
  enum Reading: Equatable {
    /// A time-based schedule; `assumedMonthly` when the text named no frequency.
    case schedule(total: Int, cliff: Int, frequency: Int, assumedMonthly: Bool)
    /// No vesting ("Fully vested", "None", "Immediate").
    case none
  }

  /// The schedule a text describes, or nil when it cannot be read.
  static func read(_ text: String) -> Reading? {
    let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
    if ["none", "no vesting", "fully vested", "immediate", "vested", "n/a", "-", "0/0/0"].contains(
      lower)
    {
      return Reading.none
    }
    let notation = lower.split(separator: "/", omittingEmptySubsequences: false)
      .map { Int($0.trimmingCharacters(in: .whitespaces)) }
    if notation.count == 3, let total = notation[0], let cliff = notation[1],
      let every = notation[2]
    {
      return valid(total, cliff, every, assumed: false)
    }
    var frequency: Int?
    if lower.contains("monthly") || lower.contains("per month") || lower.contains("each month") {
      frequency = 1
    } else if lower.contains("quarter") {
      frequency = 3
    } else if lower.contains("annual") || lower.contains("yearly") || lower.contains("per year") {
      frequency = 12
    }
    let every = frequency ?? 1
    var cliff = 0
    if let match = firstMatch(#"(\d+(?:\.\d+)?)[\s-]*(year|yr|month|mo)s?\b[\s-]*cliff"#, lower)
      ?? firstMatch(#"cliff\s*(?:of|:|=)?\s*(\d+(?:\.\d+)?)[\s-]*(year|yr|month|mo)s?"#, lower)
    {
      guard let months = months(match.0, match.1) else { return nil }
      cliff = months
    }
    var total: Int?
    if let fraction = firstMatch(#"1\s*/\s*(\d+)(?:st|nd|rd|th)?"#, lower, groups: 1) {
      total = Int(fraction.0).map { $0 * every }
    } else {
      // The first duration not followed by "cliff" is the total.
      let pattern = #"(\d+(?:\.\d+)?)[\s-]*(year|yr|month|mo)s?\b(?![\s-]*cliff)"#
      if let match = firstMatch(pattern, lower) { total = months(match.0, match.1) }
    }
    guard let total else { return nil }
    return valid(total, cliff, every, assumed: frequency == nil)
  }

  private static func valid(_ total: Int, _ cliff: Int, _ every: Int, assumed: Bool) -> Reading? {
    guard total > 0, total <= 1200, cliff >= 0, cliff <= total, every > 0, every <= total else {
      return nil
    }
    return .schedule(total: total, cliff: cliff, frequency: every, assumedMonthly: assumed)
  }

  /// `4`, `year` → 48; `12`, `month` → 12; a fraction of a year must make whole months.
  private static func months(_ number: String, _ unit: String) -> Int? {
    guard let value = Ratio(decimal: Substring(number)) else { return nil }
    let months = unit.hasPrefix("y") ? value * Ratio(12) : value
    guard months.isInteger else { return nil }
    return Int(exactly: months.numerator)
  }

  private static func firstMatch(_ pattern: String, _ text: String, groups: Int = 2)
    -> (String, String)?
  {
    guard let regex = try? NSRegularExpression(pattern: pattern),
      let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    func group(_ index: Int) -> String {
      guard index <= groups, let range = Range(match.range(at: index), in: text) else { return "" }
      return String(text[range])
    }
    return (group(1), group(2))
  }
}
