/// A time-based vesting schedule: total length, cliff and frequency in months, from a start date.
///
/// Written `48/12/1` on the command line (48 months, 12-month cliff, monthly). Vesting is
/// cumulative floor, per DESIGN.md: vested(m) = floor(total × m ÷ N) once the cliff is reached,
/// m counted in whole calendar months (a start on the 31st vests on the last day of shorter
/// months).
public struct VestingSchedule: Sendable, Hashable, Codable {
  /// The first day of vesting.
  public var start: CalendarDate
  /// Months until fully vested (N).
  public var totalMonths: Int
  /// Months before anything vests; at the cliff, everything accrued so far vests.
  public var cliffMonths: Int
  /// Months between installments after the cliff (1 monthly, 3 quarterly).
  public var frequencyMonths: Int

  /// A schedule; use `parse` for user input.
  public init(start: CalendarDate, totalMonths: Int, cliffMonths: Int = 0, frequencyMonths: Int = 1)
  {
    self.start = start
    self.totalMonths = totalMonths
    self.cliffMonths = cliffMonths
    self.frequencyMonths = frequencyMonths
  }

  /// Parses `TOTAL/CLIFF/FREQUENCY` in months, e.g. `48/12/1`.
  public static func parse(_ text: String, start: CalendarDate) throws(InputError)
    -> VestingSchedule
  {
    let expected = "vesting as TOTAL/CLIFF/FREQUENCY months, e.g. 48/12/1"
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 3, let total = parts[0], let cliff = parts[1], let every = parts[2],
      total > 0, total <= 1200, cliff >= 0, cliff <= total, every > 0, every <= total
    else { throw .invalid(field: "--vesting", input: text, expected: expected) }
    return VestingSchedule(
      start: start, totalMonths: total, cliffMonths: cliff, frequencyMonths: every)
  }

  /// `48/12/1`.
  public var notation: String { "\(totalMonths)/\(cliffMonths)/\(frequencyMonths)" }

  /// The date the last installment vests.
  public var end: CalendarDate { start.adding(months: totalMonths) }

  /// Shares of `total` vested at the end of `date`.
  public func vested(of total: Shares, asOf date: CalendarDate) -> Shares {
    let months = start.wholeMonths(until: date)
    if months < cliffMonths || months <= 0 { return .zero }
    if months >= totalMonths { return total }
    let steps = max(cliffMonths, months / frequencyMonths * frequencyMonths)
    let exact = Int128(total.count) * Int128(steps) / Int128(totalMonths)
    return Shares(Int64(exact))
  }
}
