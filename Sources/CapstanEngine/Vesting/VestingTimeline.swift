import CapstanModel

/// When vesting terms vest something next.
public enum VestingTimeline {
  /// The first day after `date` on which more of `total` vests, with the cumulative amount
  /// vested then; nil when everything has vested, the holder was terminated, or only
  /// milestones are left.
  ///
  /// Candidates are the schedule's vesting points (the cliff, then every installment) and the
  /// tranche dates; the earliest one that vests more wins.
  public static func next(
    _ terms: VestingTerms, total: Shares, facts: VestingFacts = .none, after date: CalendarDate
  ) -> (date: CalendarDate, vested: Shares)? {
    if let termination = facts.termination, termination.date <= date { return nil }
    let now = terms.vested(of: total, asOf: date, facts: facts)
    guard now < total else { return nil }
    var best: (date: CalendarDate, vested: Shares)?
    if let periodic = terms.periodic {
      var elapsed = periodic.elapsed(from: terms.start, to: date)
      while elapsed < periodic.length {
        let point =
          elapsed < periodic.cliff
          ? periodic.cliff
          : min(periodic.length, (elapsed / periodic.frequency + 1) * periodic.frequency)
        guard point > elapsed else { break }
        let day = periodic.date(after: terms.start, units: point)
        if day > date {
          let vested = terms.vested(of: total, asOf: day, facts: facts)
          if vested > now {
            best = (day, vested)
            break
          }
        }
        elapsed = point
      }
    }
    for tranche in terms.tranches where tranche.date > date {
      if let best, tranche.date >= best.date { break }
      let vested = terms.vested(of: total, asOf: tranche.date, facts: facts)
      if vested > now {
        best = (tranche.date, vested)
        break
      }
    }
    return best
  }
}
