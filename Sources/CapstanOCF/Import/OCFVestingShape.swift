import CapstanModel

/// How a VESTING_TERMS graph fits Capstan's `VestingSchedule` (months total/cliff/frequency).
enum OCFVestingShape: Sendable, Equatable {
  /// It fits: N months, a cliff, installments every `frequency` months.
  case months(total: Int, cliff: Int, frequency: Int)
  /// It does not, and why.
  case unmappable(String)

  /// Reads a start condition followed by one relative monthly schedule (with an optional
  /// `cliff_condition`, OCF 1.0/1.1), or by a one-off cliff period then a monthly schedule
  /// (OCF 1.2's usual shape).
  init(_ terms: OCFVestingTerms) {
    let byID = Dictionary(
      terms.vestingConditions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let starts = terms.vestingConditions.filter { $0.trigger.type == "VESTING_START_DATE" }
    guard starts.count == 1, let start = starts.first else {
      self = .unmappable("no single VESTING_START_DATE condition")
      return
    }
    if let portion = start.portion, !portion.numerator.value.isZero {
      self = .unmappable("something vests on the start date itself")
      return
    }
    if let quantity = start.quantity, !quantity.value.isZero {
      self = .unmappable("a fixed quantity vests on the start date")
      return
    }
    var chain: [OCFVestingTerms.Condition] = []
    var next = start.nextConditionIds ?? []
    while let id = next.first {
      guard next.count == 1 else {
        self = .unmappable("conditions branch (several next conditions)")
        return
      }
      guard let condition = byID[id], chain.count < 3 else {
        self = .unmappable(byID[id] == nil ? "condition '\(id)' is missing" : "too many periods")
        return
      }
      chain.append(condition)
      next = condition.nextConditionIds ?? []
    }
    var periods: [(length: Int, occurrences: Int, portion: Ratio?)] = []
    for condition in chain {
      guard condition.trigger.type == "VESTING_SCHEDULE_RELATIVE",
        let period = condition.trigger.period
      else {
        self = .unmappable("condition '\(condition.id)' is triggered by \(condition.trigger.type)")
        return
      }
      guard period.type == "MONTHS", period.length > 0 else {
        self = .unmappable("condition '\(condition.id)' counts in \(period.type), not months")
        return
      }
      if condition.quantity != nil {
        self = .unmappable("condition '\(condition.id)' vests a fixed quantity")
        return
      }
      let portion = condition.portion.flatMap { p -> Ratio? in
        p.denominator.value.isZero ? nil : p.numerator.value / p.denominator.value
      }
      periods.append((period.length, max(period.occurrences ?? 1, 1), portion))
    }
    var cliff = 0
    let schedule: (length: Int, occurrences: Int, portion: Ratio?)
    switch periods.count {
    case 1:
      schedule = periods[0]
      if let old = chain[0].cliffCondition {
        guard old.period.type == "MONTHS" else {
          self = .unmappable("the cliff counts in \(old.period.type), not months")
          return
        }
        cliff = old.period.length
      }
    case 2:
      guard periods[0].occurrences == 1 else {
        self = .unmappable("the first period repeats before the main schedule")
        return
      }
      cliff = periods[0].length
      schedule = periods[1]
    default:
      self = .unmappable(periods.isEmpty ? "nothing vests over time" : "more than two periods")
      return
    }
    let total = cliff * (periods.count == 2 ? 1 : 0) + schedule.length * schedule.occurrences
    guard total > 0, total <= 1200, cliff <= total, schedule.length <= total,
      cliff % schedule.length == 0
    else {
      self = .unmappable("the cliff is not a whole number of installments")
      return
    }
    // The portions must add up to the whole: per installment (1/k) or in all.
    if periods.count == 2, let first = periods[0].portion, first != Ratio(cliff, total) {
      self = .unmappable("the cliff vests \(first.fractionString), not \(cliff)/\(total)")
      return
    }
    if let portion = schedule.portion {
      let remaining = periods.count == 2 ? Ratio(total - cliff, total) : Ratio.one
      let perInstallment = remaining / Ratio(schedule.occurrences)
      // With `remainder: true` an installment's portion is of what is left: 1/k each.
      let ofWhatIsLeft = Ratio(1, schedule.occurrences)
      guard portion == remaining || portion == perInstallment || portion == ofWhatIsLeft else {
        self = .unmappable("the installments do not add up to the whole grant")
        return
      }
    }
    self = .months(total: total, cliff: cliff, frequency: schedule.length)
  }
}
