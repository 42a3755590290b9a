/// A time-based vesting schedule: total length, cliff and frequency in months, from a start date.
///
/// Written `48/12/1` on the command line (48 months, 12-month cliff, monthly). Vesting is
/// cumulative floor, per DESIGN.md: vested(m) = floor(total × m ÷ N) once the cliff is reached,
/// m counted in whole calendar months (a start on the 31st vests on the last day of shorter
/// months).
public struct VestingSchedule: Sendable, Hashable, Codable {
  /// The first day of vesting.
  public var start: CalendarDate
  // The month counts are stored as `Int32` so a schedule takes 16 bytes instead of 32 in every
  // position and transaction that carries one. Values beyond `Int32` (some 178 million years)
  // are clamped: no calendar date is that many months from another, so no result changes.
  private var total: Int32
  private var cliff: Int32
  private var frequency: Int32

  /// Months until fully vested (N).
  public var totalMonths: Int {
    get { Int(total) }
    set { total = Int32(clamping: newValue) }
  }
  /// Months before anything vests; at the cliff, everything accrued so far vests.
  public var cliffMonths: Int {
    get { Int(cliff) }
    set { cliff = Int32(clamping: newValue) }
  }
  /// Months between installments after the cliff (1 monthly, 3 quarterly).
  public var frequencyMonths: Int {
    get { Int(frequency) }
    set { frequency = Int32(clamping: newValue) }
  }

  /// A schedule; use `parse` for user input.
  public init(start: CalendarDate, totalMonths: Int, cliffMonths: Int = 0, frequencyMonths: Int = 1)
  {
    self.start = start
    self.total = Int32(clamping: totalMonths)
    self.cliff = Int32(clamping: cliffMonths)
    self.frequency = Int32(clamping: frequencyMonths)
  }

  private enum CodingKeys: String, CodingKey {
    case start, totalMonths, cliffMonths, frequencyMonths
  }

  /// Decodes `start`, `totalMonths`, `cliffMonths` and `frequencyMonths`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      start: try container.decode(CalendarDate.self, forKey: .start),
      totalMonths: try container.decode(Int.self, forKey: .totalMonths),
      cliffMonths: try container.decode(Int.self, forKey: .cliffMonths),
      frequencyMonths: try container.decode(Int.self, forKey: .frequencyMonths))
  }

  /// Encodes `start`, `totalMonths`, `cliffMonths` and `frequencyMonths`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(start, forKey: .start)
    try container.encode(totalMonths, forKey: .totalMonths)
    try container.encode(cliffMonths, forKey: .cliffMonths)
    try container.encode(frequencyMonths, forKey: .frequencyMonths)
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
