import CapstanModel

/// VESTING_TERMS read into Capstan's parts: a time-based schedule that vests what the other
/// parts leave, dated tranches (relative to the vesting start or absolute), milestone tranches
/// (`VESTING_EVENT` conditions, named by the condition's id so a TX_VESTING_EVENT reaches them),
/// and the allocation type. Amounts are portions of the grant or fixed quantities.
struct OCFVestingTemplate: Sendable, Equatable {
  /// When a dated part vests: the vesting start or an absolute date, then steps of months or
  /// days (consecutive steps of one unit are added, so month ends stay month ends).
  struct When: Sendable, Hashable {
    /// An absolute date; nil means the vesting start.
    var date: CalendarDate?
    /// Steps after it.
    var steps: [Step] = []

    /// One step.
    struct Step: Sendable, Hashable {
      var unit: VestingUnit
      var count: Int
    }

    static let start = When(date: nil)

    func adding(_ unit: VestingUnit, _ count: Int) -> When {
      var next = self
      if let last = steps.last, last.unit == unit {
        next.steps[steps.count - 1].count += count
      } else {
        next.steps.append(Step(unit: unit, count: count))
      }
      return next
    }

    /// The day, for a security whose vesting starts on `start`.
    func date(from start: CalendarDate) -> CalendarDate {
      var day = date ?? start
      for step in steps {
        day = step.unit == .months ? day.adding(months: step.count) : day.adding(days: step.count)
      }
      return day
    }
  }

  /// A dated tranche.
  struct Dated: Sendable, Hashable {
    var when: When
    var amount: VestingTerms.TypedAmount
  }

  /// A milestone tranche.
  struct Milestone: Sendable, Hashable {
    var name: String
    var amount: VestingTerms.TypedAmount
  }

  /// The time-based part, counted from the vesting start.
  var periodic: PeriodicVesting?
  /// The allocation type (all seven of OCF's).
  var allocation: VestingAllocation
  /// Dated tranches.
  var tranches: [Dated] = []
  /// Milestone tranches.
  var milestones: [Milestone] = []
  /// What was assumed, for warnings.
  var notes: [String] = []

  /// The most installments a schedule is spelled out into.
  static let maximumTranches = 1_200

  /// The plain months schedule (total, cliff, frequency) these terms are when they are nothing
  /// more, so most securities skip building `VestingTerms`.
  var plainMonths: (total: Int, cliff: Int, frequency: Int)? {
    guard tranches.isEmpty, milestones.isEmpty, allocation == .cumulativeRoundDown,
      let periodic, periodic.unit == .months, periodic.cliffPortion == nil
    else { return nil }
    return (periodic.length, periodic.cliff, periodic.frequency)
  }

  /// The terms of a security of `quantity` whose vesting starts on `start`: portions become
  /// shares by cumulative floor over the tranches in date order, then the milestones.
  func terms(quantity: Shares, start: CalendarDate) throws(OCFVestingUnmappable) -> VestingTerms {
    var dated: [(date: CalendarDate, amount: VestingTerms.TypedAmount)] = tranches.map {
      ($0.when.date(from: start), $0.amount)
    }
    dated = dated.enumerated().sorted {
      ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
    }
    .map(\.element)
    let amounts: [Shares]
    do {
      amounts = try VestingTerms.resolve(
        dated.map(\.amount) + milestones.map(\.amount), of: quantity, field: "vesting_conditions")
    } catch {
      throw OCFVestingUnmappable("\(error)")
    }
    var merged: [VestingTranche] = []
    for (tranche, amount) in zip(dated, amounts) where amount > .zero {
      if let last = merged.last, last.date == tranche.date {
        merged[merged.count - 1].amount += amount
      } else {
        merged.append(VestingTranche(date: tranche.date, amount: amount))
      }
    }
    let named = zip(milestones, amounts.dropFirst(dated.count)).compactMap { milestone, amount in
      amount > .zero ? VestingMilestone(name: milestone.name, amount: amount) : nil
    }
    let result = VestingTerms(
      start: start, periodic: periodic, allocation: allocation, tranches: merged,
      milestones: named, basis: merged.isEmpty && named.isEmpty ? nil : quantity)
    if let problem = result.problem(for: quantity) { throw OCFVestingUnmappable(problem) }
    return result
  }
}
