/// Everything that decides how a grant or restricted stock vests: a time-based schedule (months
/// or days, cliff, installments), explicit dated tranches, milestone tranches, the allocation
/// type that rounds installments to whole shares, and acceleration on a change of control.
///
/// Shaped to carry Open Cap Format vesting terms: a start condition, a relative schedule with
/// a cliff (`VESTING_SCHEDULE_RELATIVE`), absolute tranches (`VESTING_SCHEDULE_ABSOLUTE`),
/// event tranches (`VESTING_EVENT`) and an `allocation_type`. The time-based part vests what
/// the tranches and milestones leave: `basis − Σ tranches − Σ milestones`.
///
/// The plain `48/12/1` schedule (`VestingSchedule`) is the special case with only a monthly
/// schedule and cumulative round down; `init(_:)` converts one, `plainSchedule` gives it back.
public struct VestingTerms: Sendable, Hashable, Codable {
  /// The vesting commencement date: the time-based part counts from it.
  public var start: CalendarDate
  /// The time-based part, if any.
  public var periodic: PeriodicVesting?
  /// How installments are rounded to whole shares.
  public var allocation: VestingAllocation
  /// Explicit dated tranches.
  public var tranches: [VestingTranche]
  /// Tranches that vest when a named event is recorded.
  public var milestones: [VestingMilestone]
  /// The quantity the tranche and milestone amounts are stated in (the quantity granted), so
  /// they scale with splits, partial transfers and balance securities; nil means the
  /// security's own quantity (enough when there are no tranches or milestones).
  public var basis: Shares?
  /// Acceleration on a change of control, if any.
  public var acceleration: VestingAcceleration?

  /// Terms; `start` is also the commencement date of the time-based part.
  public init(
    start: CalendarDate, periodic: PeriodicVesting? = nil,
    allocation: VestingAllocation = .cumulativeRoundDown, tranches: [VestingTranche] = [],
    milestones: [VestingMilestone] = [], basis: Shares? = nil,
    acceleration: VestingAcceleration? = nil
  ) {
    self.start = start
    self.periodic = periodic
    self.allocation = allocation
    self.tranches = tranches.sorted { $0.date < $1.date }
    self.milestones = milestones
    self.basis = basis
    self.acceleration = acceleration
  }

  /// The terms of a plain monthly schedule (cumulative round down, nothing else).
  public init(_ schedule: VestingSchedule) {
    self.init(
      start: schedule.start,
      periodic: PeriodicVesting(
        unit: .months, length: schedule.totalMonths, frequency: schedule.frequencyMonths,
        cliff: schedule.cliffMonths))
  }

  /// The plain `VestingSchedule` these terms are, when they are nothing more.
  public var plainSchedule: VestingSchedule? {
    guard let periodic, periodic.unit == .months, periodic.cliffPortion == nil,
      allocation == .cumulativeRoundDown, tranches.isEmpty, milestones.isEmpty,
      acceleration == nil
    else { return nil }
    return VestingSchedule(
      start: start, totalMonths: periodic.length, cliffMonths: periodic.cliff,
      frequencyMonths: periodic.frequency)
  }

  /// The shares of `basis` the time-based part vests.
  func periodicAmount(basis: Int64) -> Int64 {
    var fixed: Int64 = 0
    for tranche in tranches { fixed += tranche.amount.count }
    for milestone in milestones { fixed += milestone.amount.count }
    return basis - fixed
  }

  /// The last day anything vests by date (the later of the schedule's end and the last
  /// tranche), ignoring milestones; nil when only milestones are left.
  public var end: CalendarDate? {
    let scheduleEnd = periodic.map { $0.date(after: start, units: $0.length) }
    let lastTranche = tranches.last?.date
    switch (scheduleEnd, lastTranche) {
    case (let a?, let b?): return max(a, b)
    case (let a?, nil): return a
    case (nil, let b?): return b
    case (nil, nil): return nil
    }
  }

  /// A short description: `48/12/1 from 2025-01-01, 2 tranches, milestone "FDA", double 12m 100%`.
  public var notation: String {
    var parts: [String] = []
    if let periodic { parts.append("\(periodic.notation) from \(start)") }
    if !tranches.isEmpty {
      parts.append(tranches.count == 1 ? "1 tranche" : "\(tranches.count) tranches")
    }
    for milestone in milestones { parts.append("milestone \"\(milestone.name)\"") }
    if allocation != .cumulativeRoundDown { parts.append(allocation.flag) }
    if let acceleration { parts.append(acceleration.notation) }
    return parts.joined(separator: ", ")
  }

  /// Why the terms cannot vest `quantity` shares, or nil when they can.
  public func problem(for quantity: Shares) -> String? {
    if let periodic, let problem = periodic.problem(allocation) { return problem }
    if periodic == nil && tranches.isEmpty && milestones.isEmpty {
      return "the vesting terms have no schedule, tranche or milestone"
    }
    if let tranche = tranches.first(where: { $0.amount <= .zero }) {
      return "the tranche on \(tranche.date) must vest a positive number of shares"
    }
    var names = Set<String>()
    for milestone in milestones {
      let key = milestone.name.trimmingSpaces.lowercased()
      guard !key.isEmpty else { return "a milestone needs a name" }
      guard milestone.amount > .zero else {
        return "milestone \"\(milestone.name)\" must vest a positive number of shares"
      }
      guard names.insert(key).inserted else {
        return "milestone \"\(milestone.name)\" is named twice"
      }
    }
    if !tranches.isEmpty || !milestones.isEmpty {
      let basis = self.basis ?? quantity
      guard basis == quantity else {
        return "the tranches and milestones are stated for \(basis) shares, not \(quantity)"
      }
      let fixed =
        tranches.reduce(Shares.zero) { $0 + $1.amount }
        + milestones.reduce(Shares.zero) { $0 + $1.amount }
      if fixed > quantity {
        return "the tranches and milestones add up to \(fixed), more than the \(quantity) granted"
      }
      if periodic == nil && fixed != quantity {
        return
          "the tranches and milestones add up to \(fixed), not the \(quantity) granted "
          + "(add a time-based schedule for the rest, or make them add up)"
      }
    }
    if let acceleration {
      guard acceleration.fraction > .zero, acceleration.fraction <= .one else {
        return "the accelerated fraction must be above 0 % and at most 100 %"
      }
      if case .double(let window) = acceleration.trigger, !(1...1200).contains(window) {
        return "the double-trigger window must be 1 to 1,200 months, got \(window)"
      }
    }
    return nil
  }

  private enum CodingKeys: String, CodingKey {
    case start, periodic, allocation, tranches, milestones, basis, acceleration
  }

  /// Decodes the stored JSON; absent lists are empty, an absent allocation is round down.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      start: try container.decode(CalendarDate.self, forKey: .start),
      periodic: try container.decodeIfPresent(PeriodicVesting.self, forKey: .periodic),
      allocation: try container.decodeIfPresent(VestingAllocation.self, forKey: .allocation)
        ?? .cumulativeRoundDown,
      tranches: try container.decodeIfPresent([VestingTranche].self, forKey: .tranches) ?? [],
      milestones: try container.decodeIfPresent([VestingMilestone].self, forKey: .milestones)
        ?? [],
      basis: try container.decodeIfPresent(Shares.self, forKey: .basis),
      acceleration: try container.decodeIfPresent(
        VestingAcceleration.self, forKey: .acceleration))
  }

  /// Encodes what is set, omitting empty lists.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(start, forKey: .start)
    try container.encodeIfPresent(periodic, forKey: .periodic)
    try container.encode(allocation, forKey: .allocation)
    if !tranches.isEmpty { try container.encode(tranches, forKey: .tranches) }
    if !milestones.isEmpty { try container.encode(milestones, forKey: .milestones) }
    try container.encodeIfPresent(basis, forKey: .basis)
    try container.encodeIfPresent(acceleration, forKey: .acceleration)
  }
}
