import CapstanModel

/// Who has vested what on a date: every option grant with anything outstanding, and every
/// restricted stock position, with acceleration, termination and the next installment.
public struct VestingReport: Sendable {
  /// One security's vesting.
  public struct Row: Sendable, Hashable {
    /// The security.
    public var security: SecurityID
    /// The holder's name.
    public var holder: String
    /// `options` or `stock`.
    public var kind: String
    /// Options granted less cancelled, or shares held.
    public var total: Shares
    /// Vested on the date.
    public var vested: Shares
    /// Not yet vested (for a terminated holder's restricted stock: subject to repurchase).
    public var unvested: Shares { total - vested }
    /// Options exercised (0 for stock).
    public var exercised: Shares
    /// Options that can be exercised now (vested, not exercised, not cancelled).
    public var exercisable: Shares
    /// The plain schedule, when the terms are one; nil for richer terms or no vesting.
    public var schedule: VestingSchedule?
    /// The terms in force, or nil when vested at grant.
    public var terms: VestingTerms?
    /// Of `vested`, what a change of control accelerated.
    public var accelerated: Shares
    /// The day acceleration happened, if it has.
    public var acceleratedOn: CalendarDate?
    /// The holder's termination date for this security, if any.
    public var terminated: CalendarDate?
    /// Options cancelled on termination (back to the pool per the plan), or restricted stock
    /// left unvested by it.
    public var forfeited: Shares
    /// Milestones reached, by name.
    public var milestones: [String]
    /// The next date anything vests, if anything is left to vest.
    public var nextDate: CalendarDate?
    /// How much will have vested in all on `nextDate`.
    public var vestedByNextDate: Shares?

    /// `48/12/1 from 2025-03-01`, the richer terms' description, or `vested at grant`.
    public var scheduleText: String {
      terms.map { $0.notation.isEmpty ? "-" : $0.notation } ?? "vested at grant"
    }
  }

  /// The date.
  public var asOf: CalendarDate
  /// Changes of control recorded by the date.
  public var changesOfControl: [CalendarDate]
  /// The rows, by holder then security.
  public var rows: [Row]

  /// The report for a snapshot, optionally for one holder (by name: the stakeholder
  /// `Stakeholder.named(_:in:)` finds, exact or case-insensitive; a name it finds not, no rows).
  public init(_ table: CapTable, holder: String? = nil) {
    asOf = table.asOf
    changesOfControl = table.changesOfControl
    // The name becomes its stakeholder's id once; rows join on ids.
    let wanted: Set<Stakeholder.ID>? = holder.map { name in
      Set([Stakeholder.named(name, in: table.stakeholders.values)?.id].compactMap { $0 })
    }
    var rows: [Row] = []
    for grant in table.options.values where grant.outstanding > .zero || grant.exercised > .zero {
      if let wanted, !wanted.contains(grant.holder) { continue }
      let name = table.name(of: grant.holder)
      let terms = grant.vestingTerms
      let status = VestingStatus(
        terms: terms, granted: grant.granted, cancelled: grant.cancelled,
        facts: grant.vestingFacts, asOf: table.asOf)
      let upcoming = terms.flatMap {
        VestingTimeline.next($0, total: grant.granted, facts: grant.vestingFacts, after: table.asOf)
      }
      rows.append(
        Row(
          security: grant.security, holder: name, kind: "options", total: status.total,
          vested: status.vested, exercised: grant.exercised,
          exercisable: grant.exercisable(asOf: table.asOf), schedule: terms?.plainSchedule,
          terms: terms, accelerated: status.accelerated, acceleratedOn: status.acceleratedOn,
          terminated: grant.vestingFacts.termination?.date,
          forfeited: grant.vestingFacts.termination?.forfeited ?? .zero,
          milestones: grant.vestingFacts.milestones.map(\.name),
          nextDate: upcoming?.date, vestedByNextDate: upcoming.map { min($0.vested, status.total) })
      )
    }
    for position in table.stock.values {
      guard let terms = position.vestingTerms else { continue }
      if let wanted, !wanted.contains(position.holder) { continue }
      let name = table.name(of: position.holder)
      let status = VestingStatus(
        terms: terms, granted: position.quantity, facts: position.vestingFacts,
        asOf: table.asOf)
      let upcoming = VestingTimeline.next(
        terms, total: position.quantity, facts: position.vestingFacts, after: table.asOf)
      rows.append(
        Row(
          security: position.security, holder: name, kind: "stock", total: position.quantity,
          vested: status.vested, exercised: .zero, exercisable: .zero,
          schedule: terms.plainSchedule, terms: terms, accelerated: status.accelerated,
          acceleratedOn: status.acceleratedOn,
          terminated: position.vestingFacts.termination?.date,
          forfeited: position.vestingFacts.termination?.forfeited ?? .zero,
          milestones: position.vestingFacts.milestones.map(\.name),
          nextDate: upcoming?.date, vestedByNextDate: upcoming?.vested))
    }
    self.rows = rows.sorted { ($0.holder, $0.security) < ($1.holder, $1.security) }
  }
}
