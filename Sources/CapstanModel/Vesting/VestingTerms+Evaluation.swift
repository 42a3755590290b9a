/// One security's vesting on a date, in parts.
public struct VestingBreakdown: Sendable, Hashable {
  /// Vested by the schedule, the tranches and the milestones reached (frozen at termination).
  public var scheduled: Shares
  /// Vested by acceleration on a change of control.
  public var accelerated: Shares
  /// The day acceleration happened, if it has by the date.
  public var acceleratedOn: CalendarDate?

  /// Everything vested: scheduled + accelerated, never more than the total.
  public var vested: Shares { scheduled + accelerated }
}

extension VestingTerms {
  /// Shares of `total` vested at the end of `date`, given what the ledger recorded.
  ///
  /// Vesting stops on the termination date; acceleration adds `fraction × unvested on the
  /// trigger date` (floored) on top of the schedule, capped at the total, which is the same
  /// as accelerating the installments that would have vested last. See docs/vesting.md.
  @inline(__always)
  public func vested(
    of total: Shares, asOf date: CalendarDate, facts: VestingFacts = .none
  ) -> Shares {
    if facts.isEmpty
      || (acceleration == nil && facts.termination == nil && facts.accelerations.isEmpty)
    {
      return scheduled(of: total, asOf: date, facts: facts)
    }
    return breakdown(of: total, asOf: date, facts: facts).vested
  }

  /// Vesting on `date` in parts: scheduled and accelerated.
  public func breakdown(
    of total: Shares, asOf date: CalendarDate, facts: VestingFacts = .none
  ) -> VestingBreakdown {
    let until = facts.termination.map { min(date, $0.date) } ?? date
    let scheduled = scheduled(of: total, asOf: until, facts: facts)
    // Quantities accelerated by transactions (OCF TX_VESTING_ACCELERATION) add to the terms.
    let explicit = facts.accelerated(asOf: until)
    let lastExplicit = facts.accelerations.last { $0.date <= until }?.date
    guard let trigger = accelerationDate(facts), trigger <= until, let acceleration else {
      return VestingBreakdown(
        scheduled: scheduled, accelerated: min(explicit, total - scheduled),
        acceleratedOn: lastExplicit)
    }
    // The clause accelerates a fraction of what the schedule and earlier accelerations left.
    let before = min(
      total,
      self.scheduled(of: total, asOf: trigger, facts: facts) + facts.accelerated(asOf: trigger))
    let amount = acceleration.fraction.wholePart(of: (total - before).count)
    let accelerated = min(Shares(amount) + explicit, total - scheduled)
    return VestingBreakdown(
      scheduled: scheduled, accelerated: accelerated,
      acceleratedOn: max(trigger, lastExplicit ?? trigger))
  }

  /// The day acceleration triggers under `facts`, if it does: the change of control (single
  /// trigger), or a termination without cause within the window after it (double trigger).
  public func accelerationDate(_ facts: VestingFacts) -> CalendarDate? {
    guard let acceleration, let change = facts.changeOfControl else { return nil }
    switch acceleration.trigger {
    case .single:
      return change
    case .double(let window):
      guard let termination = facts.termination, termination.withoutCause,
        termination.date >= change, termination.date <= change.adding(months: window)
      else { return nil }
      return termination.date
    }
  }

  /// Shares of `total` vested by the schedule, the tranches due and the milestones recorded by
  /// the end of `date`, ignoring termination and acceleration.
  ///
  /// Computed in the units of `basis` and scaled to `total` with one floor, so a split or a
  /// partial transfer keeps the proportions and the last day still vests exactly `total`.
  public func scheduled(
    of total: Shares, asOf date: CalendarDate, facts: VestingFacts = .none
  ) -> Shares {
    let basis = basis?.count ?? total.count
    guard basis > 0 else { return .zero }
    var vested: Int64 = 0
    for tranche in tranches {
      if tranche.date > date { break }
      vested += tranche.amount.count
    }
    for milestone in milestones {
      if let reached = facts.reached(milestone.name), reached <= date {
        vested += milestone.amount.count
      }
    }
    if let periodic {
      let amount = tranches.isEmpty && milestones.isEmpty ? basis : periodicAmount(basis: basis)
      let point = periodic.point(after: periodic.elapsed(from: start, to: date))
      vested += periodic.vested(amount, at: point, allocation)
    }
    if basis == total.count { return Shares(vested) }
    return Shares(Int64(Int128(total.count) * Int128(vested) / Int128(basis)))
  }
}
