extension VestingTerms {
  /// Every day on which something of `total` vests by date (the schedule's vesting points and
  /// the tranche dates), with the cumulative amount then; milestones are not dated and are left
  /// out (they add `milestones` on top, whenever they are reached).
  ///
  /// The cumulative amounts are `scheduled(of:asOf:)` on each candidate day, kept where they
  /// rise, so the list agrees with the evaluation by construction.
  public func installments(of total: Shares) -> [(date: CalendarDate, cumulative: Shares)] {
    var days = Set(tranches.map(\.date))
    if let periodic {
      if periodic.cliff > 0 { days.insert(periodic.date(after: start, units: periodic.cliff)) }
      var point = periodic.frequency
      while point < periodic.length {
        if point > periodic.cliff { days.insert(periodic.date(after: start, units: point)) }
        point += periodic.frequency
      }
      days.insert(periodic.date(after: start, units: periodic.length))
    }
    var result: [(date: CalendarDate, cumulative: Shares)] = []
    var before = Shares.zero
    for day in days.sorted() {
      let cumulative = scheduled(of: total, asOf: day)
      if cumulative > before {
        result.append((day, cumulative))
        before = cumulative
      }
    }
    return result
  }

  /// Each milestone tranche scaled to `total` (the amounts are stated for `basis`).
  public func milestoneAmounts(of total: Shares) -> [(name: String, amount: Shares)] {
    let basis = basis?.count ?? total.count
    return milestones.map { milestone in
      guard basis > 0, basis != total.count else { return (milestone.name, milestone.amount) }
      return (
        milestone.name,
        Shares(Int64(Int128(total.count) * Int128(milestone.amount.count) / Int128(basis)))
      )
    }
  }
}
