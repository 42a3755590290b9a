/// Recording the events vesting depends on: changes of control, terminations, milestones,
/// accelerations.
extension WorkspaceDraft {
  /// A plain schedule stays in the plain columns (as before the richer terms existed); richer
  /// terms replace it.
  static func storedVesting(
    _ vesting: VestingSchedule?, _ terms: VestingTerms?
  ) -> (VestingSchedule?, VestingTerms?) {
    guard let terms else { return (vesting, nil) }
    if let plain = terms.plainSchedule { return (plain, nil) }
    return (nil, terms)
  }

  /// Records a change of control of the company.
  @discardableResult
  public mutating func recordChangeOfControl(
    date: CalendarDate, note: String?, company: Company.ID
  ) throws -> Transaction {
    try append([(date, .changeOfControl(ChangeOfControl(note: note)))], to: company)[0]
  }

  /// Records the end of a holder's service (for one security, or all of the holder's).
  @discardableResult
  public mutating func recordTermination(
    holder: String, security: SecurityID?, withoutCause: Bool, date: CalendarDate,
    company: Company.ID
  ) throws -> Transaction {
    let termination = Termination(
      holder: try stakeholder(named: holder).id, security: security, withoutCause: withoutCause)
    return try append([(date, .terminate(termination))], to: company)[0]
  }

  /// Records a milestone reached, for one security, one holder, or the whole company.
  @discardableResult
  public mutating func recordMilestone(
    _ name: String, holder: String?, security: SecurityID?, date: CalendarDate,
    company: Company.ID
  ) throws -> Transaction {
    let trimmed = name.trimmingSpaces
    guard !trimmed.isEmpty else {
      throw InputError.invalid(field: "NAME", input: name, expected: "a milestone name")
    }
    let achievement = MilestoneAchievement(
      name: trimmed, holder: try holder.map { try stakeholder(named: $0).id }, security: security)
    return try append([(date, .reachMilestone(achievement))], to: company)[0]
  }

  /// Records an acceleration of `quantity` of one security's unvested shares or options.
  @discardableResult
  public mutating func recordAcceleration(
    security: SecurityID, quantity: Shares, reason: String?, date: CalendarDate,
    company: Company.ID
  ) throws -> Transaction {
    let reason = reason?.trimmingSpaces
    let acceleration = AcceleratedVesting(
      security: security, quantity: quantity, reason: reason?.isEmpty == true ? nil : reason)
    return try append([(date, .accelerateVesting(acceleration))], to: company)[0]
  }
}
