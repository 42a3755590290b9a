import CapstanModel

/// One security's vesting on a date: the pure computation over its terms and the facts the
/// ledger recorded (milestones, change of control, termination).
public struct VestingStatus: Sendable, Hashable {
  /// The shares or options the terms vest (options: granted less cancelled).
  public var total: Shares
  /// Vested, never more than `total`.
  public var vested: Shares
  /// Of `vested`, what acceleration added.
  public var accelerated: Shares
  /// The day acceleration happened, if it has.
  public var acceleratedOn: CalendarDate?
  /// Not vested: for a terminated holder's restricted stock, subject to repurchase.
  public var unvested: Shares { total - vested }

  /// The status of `granted` shares under `terms` (nil: vested at grant), of which `cancelled`
  /// were cancelled, on `date`.
  @inline(__always)
  public init(
    terms: VestingTerms?, granted: Shares, cancelled: Shares = .zero,
    facts: VestingFacts = .none, asOf date: CalendarDate
  ) {
    total = granted - cancelled
    guard let terms else {
      vested = total
      accelerated = .zero
      return
    }
    if (terms.acceleration == nil || facts.changeOfControl == nil) && facts.accelerations.isEmpty {
      vested = min(terms.vested(of: granted, asOf: date, facts: facts), total)
      accelerated = .zero
      return
    }
    let parts = terms.breakdown(of: granted, asOf: date, facts: facts)
    vested = min(parts.vested, total)
    accelerated = min(parts.accelerated, vested)
    acceleratedOn = parts.acceleratedOn
  }
}
