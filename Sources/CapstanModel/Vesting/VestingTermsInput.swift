/// Vesting terms as a person types them, field by field, before they are checked and resolved
/// against the quantity granted: the command-line flags of `capstan grant` (`--vesting`,
/// `--tranches`...), of `capstan grant-compute` (`--unlock`, `--unlock-tranches`...) and the
/// keys of a scenario file's `vesting:` or `unlock:` mapping all read through this one type.
public struct VestingTermsInput: Sendable, Hashable {
  /// The fields, to name the one at fault in an error.
  public enum Field: Sendable, Hashable, CaseIterable {
    /// `TOTAL/CLIFF/FREQUENCY` months.
    case months
    /// `TOTAL/CLIFF/EVERY` days.
    case days
    /// The start date.
    case start
    /// The allocation type.
    case allocation
    /// The cliff installment.
    case cliffInstallment
    /// The dated tranches.
    case tranches
    /// A milestone tranche.
    case milestone
    /// The acceleration clause.
    case acceleration
  }

  /// `TOTAL/CLIFF/FREQUENCY` months, e.g. `48/12/1`.
  public var months: String?
  /// `TOTAL/CLIFF/EVERY` days, e.g. `1461/365/7`.
  public var days: String?
  /// The allocation type's name (`front-loaded`, or the OCF name).
  public var allocation: String?
  /// What vests at the cliff, e.g. `25%`.
  public var cliffInstallment: String?
  /// `DATE:AMOUNT,...`, amounts in shares (tokens) or percentages of the quantity.
  public var tranches: String?
  /// `NAME:AMOUNT` each.
  public var milestones: [String]
  /// `single[:FRACTION]` or `double[:WINDOW_MONTHS][:FRACTION]`.
  public var acceleration: String?

  /// Input; everything optional.
  public init(
    months: String? = nil, days: String? = nil, allocation: String? = nil,
    cliffInstallment: String? = nil, tranches: String? = nil, milestones: [String] = [],
    acceleration: String? = nil
  ) {
    self.months = months
    self.days = days
    self.allocation = allocation
    self.cliffInstallment = cliffInstallment
    self.tranches = tranches
    self.milestones = milestones
    self.acceleration = acceleration
  }

  /// Whether anything beyond a plain months schedule is given.
  public var isRich: Bool {
    days != nil || allocation != nil || cliffInstallment != nil || tranches != nil
      || !milestones.isEmpty || acceleration != nil
  }

  /// Whether nothing is given.
  public var isEmpty: Bool { months == nil && !isRich }

  /// The terms for `quantity` from `start`, or nil when nothing is given.
  ///
  /// Percentages of tranches and milestones resolve against `quantity` by cumulative floor;
  /// the terms' `basis` is `quantity` when there are tranches or milestones. `name` gives the
  /// field's name as the user wrote it (`--unlock-tranches`, `unlock.tranches`).
  public func terms(
    quantity: Shares, start: CalendarDate, name: (Field) -> String
  ) throws(InputError) -> VestingTerms? {
    guard !isEmpty else { return nil }
    if months != nil && days != nil {
      throw .invalid(
        field: name(.days), input: days ?? "",
        expected: "either \(name(.months)) or \(name(.days)), not both")
    }
    var periodic: PeriodicVesting?
    if let months {
      let plain = try VestingSchedule.parse(months, start: start)
      periodic = PeriodicVesting(
        unit: .months, length: plain.totalMonths, frequency: plain.frequencyMonths,
        cliff: plain.cliffMonths)
    } else if let days {
      periodic = try PeriodicVesting.parseDays(days, field: name(.days))
    }
    if let cliffInstallment {
      guard periodic != nil else {
        throw .invalid(
          field: name(.cliffInstallment), input: cliffInstallment,
          expected: "\(name(.months)) or \(name(.days)) as well")
      }
      periodic?.cliffPortion = try AmountParser.percentage(
        cliffInstallment, field: name(.cliffInstallment))
    }
    let dated =
      try tranches.map { text throws(InputError) in
        try VestingTerms.parseTranches(text, field: name(.tranches))
      } ?? []
    var named: [(name: String, amount: VestingTerms.TypedAmount)] = []
    for text in milestones {
      named.append(try VestingTerms.parseMilestone(text, field: name(.milestone)))
    }
    let amounts = try VestingTerms.resolve(
      dated.map(\.amount) + named.map(\.amount), of: quantity,
      field: name(tranches != nil ? .tranches : .milestone))
    if periodic == nil && dated.isEmpty && named.isEmpty {
      throw .invalid(
        field: name(acceleration != nil ? .acceleration : .allocation),
        input: acceleration ?? allocation ?? "",
        expected:
          "a schedule as well (\(name(.months)), \(name(.days)), \(name(.tranches)) or \(name(.milestone)))"
      )
    }
    return VestingTerms(
      start: start, periodic: periodic,
      allocation: try allocation.map { text throws(InputError) in
        try VestingAllocation.parse(text, field: name(.allocation))
      } ?? .cumulativeRoundDown,
      tranches: zip(dated, amounts).map { VestingTranche(date: $0.date, amount: $1) },
      milestones: zip(named, amounts.dropFirst(dated.count)).map {
        VestingMilestone(name: $0.name, amount: $1)
      },
      basis: dated.isEmpty && named.isEmpty ? nil : quantity,
      acceleration: try acceleration.map { text throws(InputError) in
        try VestingAcceleration.parse(text, field: name(.acceleration))
      })
  }
}
