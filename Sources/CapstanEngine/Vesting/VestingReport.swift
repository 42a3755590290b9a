import CapstanModel

/// Who has vested what on a date: every option grant with anything outstanding, and every
/// restricted stock position, with the next installment.
public struct VestingReport: Sendable {
  /// One security's vesting.
  public struct Row: Sendable, Hashable {
    /// The security.
    public var security: SecurityID
    /// The holder's name.
    public var holder: String
    /// `options` or `stock`.
    public var kind: String
    /// Options granted or shares held.
    public var total: Shares
    /// Vested on the date.
    public var vested: Shares
    /// Not yet vested.
    public var unvested: Shares { total - vested }
    /// Options exercised (0 for stock).
    public var exercised: Shares
    /// Options that can be exercised now (vested, not exercised, not cancelled).
    public var exercisable: Shares
    /// The schedule (`48/12/1 from 2025-03-01`), or nil when fully vested from the start.
    public var schedule: VestingSchedule?
    /// The next date anything vests, if anything is left to vest.
    public var nextDate: CalendarDate?
    /// How much will have vested in all on `nextDate`.
    public var vestedByNextDate: Shares?
  }

  /// The date.
  public var asOf: CalendarDate
  /// The rows, by holder then security.
  public var rows: [Row]

  /// The report for a snapshot, optionally for one holder (by name, case-insensitive).
  public init(_ table: CapTable, holder: String? = nil) {
    asOf = table.asOf
    let wanted = holder?.lowercased()
    var rows: [Row] = []
    for grant in table.options.values where grant.outstanding > .zero || grant.exercised > .zero {
      let name = table.name(of: grant.holder)
      if let wanted, name.lowercased() != wanted { continue }
      let vested = min(grant.vested(asOf: table.asOf), grant.granted - grant.cancelled)
      let upcoming = VestingReport.next(grant.vesting, total: grant.granted, after: table.asOf)
      rows.append(
        Row(
          security: grant.security, holder: name, kind: "options",
          total: grant.granted - grant.cancelled,
          vested: vested, exercised: grant.exercised,
          exercisable: grant.exercisable(asOf: table.asOf),
          schedule: grant.vesting,
          nextDate: upcoming?.date, vestedByNextDate: upcoming?.vested))
    }
    for position in table.stock.values {
      guard let schedule = position.vesting else { continue }
      let name = table.name(of: position.holder)
      if let wanted, name.lowercased() != wanted { continue }
      let upcoming = VestingReport.next(schedule, total: position.quantity, after: table.asOf)
      rows.append(
        Row(
          security: position.security, holder: name, kind: "stock", total: position.quantity,
          vested: schedule.vested(of: position.quantity, asOf: table.asOf), exercised: .zero,
          exercisable: .zero, schedule: schedule,
          nextDate: upcoming?.date, vestedByNextDate: upcoming?.vested))
    }
    self.rows = rows.sorted { ($0.holder, $0.security) < ($1.holder, $1.security) }
  }

  /// The first later date on which more vests, with the cumulative amount then.
  static func next(_ schedule: VestingSchedule?, total: Shares, after date: CalendarDate)
    -> (date: CalendarDate, vested: Shares)?
  {
    guard let schedule else { return nil }
    let now = schedule.vested(of: total, asOf: date)
    guard now < total else { return nil }
    let elapsed = schedule.start.wholeMonths(until: date)
    for month in max(1, elapsed + 1)...schedule.totalMonths {
      let day = schedule.start.adding(months: month)
      let then = schedule.vested(of: total, asOf: day)
      if then > now { return (day, then) }
    }
    return nil
  }
}
