import CapstanModel

extension OCFVestingTemplate {
  typealias Condition = OCFVestingTerms.Condition

  /// One condition of the chain, read.
  private struct Part {
    enum Kind {
      case start
      case absolute(When)
      case event
      /// `occurrences` periods of `length` units after `anchor`.
      case relative(anchor: When, unit: VestingUnit, length: Int, occurrences: Int)
    }
    var condition: Condition
    var kind: Kind
    /// The part of the grant the whole condition vests (all occurrences), when a portion.
    var fraction: Ratio?
    /// Shares per occurrence, when a fixed quantity.
    var shares: Shares?

    var vestsNothing: Bool {
      (fraction.map { $0 == .zero } ?? true) && (shares.map { $0 == .zero } ?? true)
    }
  }

  /// Reads a graph: one chain of conditions from the VESTING_START_DATE condition (or the one
  /// condition nothing leads to), each a start, absolute, relative or event condition.
  /// Branches are refused, except branches to deadline conditions that vest nothing and lead
  /// nowhere, which are dropped with a note.
  init(_ terms: OCFVestingTerms) throws(OCFVestingUnmappable) {
    let allocationName = terms.allocationType ?? VestingAllocation.cumulativeRoundDown.rawValue
    guard let allocation = VestingAllocation(rawValue: allocationName) else {
      throw OCFVestingUnmappable("allocation type \(allocationName) is not an OCF AllocationType")
    }
    self.allocation = allocation
    var byID: [String: Condition] = [:]
    for condition in terms.vestingConditions {
      guard byID.updateValue(condition, forKey: condition.id) == nil else {
        throw OCFVestingUnmappable("condition id '\(condition.id)' is used twice")
      }
    }
    let chain = try Self.chain(terms.vestingConditions, byID, notes: &notes)
    var parts: [Part] = []
    var ends: [String: When] = [:]
    var vested = Ratio.zero
    for condition in chain {
      var part = try Self.part(
        condition, previous: parts.last, ends: ends, known: byID, notes: &notes)
      try Self.amount(&part, vested: &vested)
      if case .relative(let anchor, let unit, let length, let occurrences) = part.kind {
        ends[condition.id] = anchor.adding(unit, length * occurrences)
      } else if case .absolute(let when) = part.kind {
        ends[condition.id] = when
      } else if case .start = part.kind {
        ends[condition.id] = .start
      }
      parts.append(part)
    }
    let hasShares = parts.contains { ($0.shares ?? .zero) > .zero }
    if !hasShares && vested != .one {
      throw OCFVestingUnmappable(
        "the conditions vest \(vested.percentString(places: 4)) of the grant, not all of it")
    }
    let timed = parts.filter {
      if case .relative = $0.kind { return !$0.vestsNothing }
      return false
    }
    let others = parts.filter {
      if case .relative = $0.kind { return false }
      return !$0.vestsNothing
    }
    periodic = Self.periodic(timed, others: others, hasShares: hasShares)
    if let periodic,
      // Any start will do: whether the terms can vest does not depend on the day they start.
      let problem = VestingTerms(
        start: CalendarDate(daysSinceEpoch: 0), periodic: periodic, allocation: allocation
      )
      .problem(for: 1)
    {
      throw OCFVestingUnmappable(problem)
    }
    for part in others {
      let amount: VestingTerms.TypedAmount =
        part.shares.map { .shares($0) } ?? .portion(part.fraction ?? .zero)
      switch part.kind {
      case .start: tranches.append(Dated(when: .start, amount: amount))
      case .absolute(let when): tranches.append(Dated(when: when, amount: amount))
      case .event: milestones.append(Milestone(name: part.condition.id, amount: amount))
      case .relative: break
      }
    }
    if periodic == nil {
      try spellOut(timed)
      if !timed.isEmpty && allocation != .cumulativeRoundDown && allocation != .fractional {
        notes.append(
          "allocation \(allocation.rawValue): the schedule is spelled out in dated tranches, "
            + "which round by cumulative floor")
      }
    }
  }

  /// The conditions in order from the first.
  private static func chain(
    _ conditions: [Condition], _ byID: [String: Condition], notes: inout [String]
  ) throws(OCFVestingUnmappable) -> [Condition] {
    let starts = conditions.filter { $0.trigger.type == "VESTING_START_DATE" }
    guard starts.count <= 1 else {
      throw OCFVestingUnmappable("several VESTING_START_DATE conditions")
    }
    let targets = Set(conditions.flatMap { $0.nextConditionIds ?? [] })
    let roots = conditions.filter { !targets.contains($0.id) }
    guard let first = starts.first ?? (roots.count == 1 ? roots.first : nil) else {
      throw OCFVestingUnmappable("no VESTING_START_DATE condition and no single first condition")
    }
    func isDeadline(_ id: String) -> Bool {
      guard let condition = byID[id], (condition.nextConditionIds ?? []).isEmpty else {
        return false
      }
      let zeroPortion = condition.portion.map { $0.numerator.value == .zero } ?? true
      let zeroQuantity = condition.quantity.map { $0.value == .zero } ?? true
      return zeroPortion && zeroQuantity
    }
    var chain: [Condition] = []
    var seen: Set<String> = []
    var current: Condition? = first
    while let condition = current {
      guard seen.insert(condition.id).inserted else {
        throw OCFVestingUnmappable("the conditions loop back to '\(condition.id)'")
      }
      chain.append(condition)
      var next = condition.nextConditionIds ?? []
      if next.count > 1 {
        let deadlines = next.filter(isDeadline)
        let live = next.filter { !isDeadline($0) }
        guard live.count <= 1 else {
          throw OCFVestingUnmappable(
            "conditions branch after '\(condition.id)' (\(next.joined(separator: ", "))): "
              + "whichever happens first wins, which Capstan cannot express")
        }
        notes.append(
          "deadline condition(s) \(deadlines.joined(separator: ", ")) vest nothing and are not "
            + "mapped: what they end may still vest after them")
        seen.formUnion(deadlines)
        next = live
      }
      guard let id = next.first else { break }
      guard let following = byID[id] else {
        throw OCFVestingUnmappable("condition '\(id)' is missing")
      }
      current = following
    }
    if let unreached = conditions.first(where: { !seen.contains($0.id) }) {
      throw OCFVestingUnmappable("condition '\(unreached.id)' is not reached from the first")
    }
    return chain
  }

  /// What triggers a condition, and when.
  private static func part(
    _ condition: Condition, previous: Part?, ends: [String: When], known: [String: Condition],
    notes: inout [String]
  ) throws(OCFVestingUnmappable) -> Part {
    let trigger = condition.trigger
    switch trigger.type {
    case "VESTING_START_DATE":
      return Part(condition: condition, kind: .start)
    case "VESTING_EVENT":
      return Part(condition: condition, kind: .event)
    case "VESTING_SCHEDULE_ABSOLUTE":
      guard let date = trigger.date?.value else {
        throw OCFVestingUnmappable("absolute condition '\(condition.id)' has no date")
      }
      return Part(condition: condition, kind: .absolute(When(date: date)))
    case "VESTING_SCHEDULE_RELATIVE":
      guard let period = trigger.period else {
        throw OCFVestingUnmappable("relative condition '\(condition.id)' has no period")
      }
      let unit: VestingUnit
      switch period.type {
      case "MONTHS": unit = .months
      case "DAYS": unit = .days
      default:
        throw OCFVestingUnmappable("condition '\(condition.id)' counts in \(period.type)")
      }
      let occurrences = period.occurrences ?? 1
      // Bounded before anything multiplies them (Int64.max months used to trap here).
      do {
        try Limits.check(
          period: period.length, inDays: unit == .days, occurrences: occurrences,
          field: "condition '\(condition.id)' period")
      } catch {
        throw OCFVestingUnmappable(error.description)
      }
      guard period.length > 0, occurrences > 0 else {
        throw OCFVestingUnmappable(
          "condition '\(condition.id)' has a period of \(period.length) × \(occurrences)")
      }
      if unit == .months, let day = period.dayOfMonth,
        day != "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH"
      {
        notes.append(
          "condition '\(condition.id)' vests on day_of_month \(day); Capstan vests on the start "
            + "day of the month (or the month's last day)")
      }
      let from = trigger.relativeToConditionId ?? ""
      var anchor = ends[from]
      if anchor == nil, known[from] == nil, let previous, let end = ends[previous.condition.id] {
        // A dirty export names a condition that is not there: count from the one before.
        notes.append(
          "condition '\(condition.id)' counts from '\(from)', which is not a condition; "
            + "counted from the one before it, '\(previous.condition.id)'")
        anchor = end
      }
      guard let anchor else {
        throw OCFVestingUnmappable(
          "condition '\(condition.id)' counts from '\(from)', which is not dated (an event) "
            + "or not before it")
      }
      return Part(
        condition: condition,
        kind: .relative(anchor: anchor, unit: unit, length: period.length, occurrences: occurrences)
      )
    default:
      throw OCFVestingUnmappable(
        "condition '\(condition.id)' is triggered by \(trigger.type)")
    }
  }

  /// The part of the grant a condition vests, over all its occurrences: a fixed quantity per
  /// occurrence, or a portion of the whole (per occurrence when the occurrences fit in what is
  /// left, else for them all), or with `remainder` a portion of what is left.
  private static func amount(_ part: inout Part, vested: inout Ratio)
    throws(OCFVestingUnmappable)
  {
    let condition = part.condition
    var occurrences = 1
    if case .relative(_, _, _, let count) = part.kind { occurrences = count }
    if let portion = condition.portion, portion.numerator.value != .zero {
      let denominator = portion.denominator.value
      guard denominator > .zero, portion.numerator.value > .zero else {
        throw OCFVestingUnmappable("condition '\(condition.id)' has a portion that is not positive")
      }
      let ratio = portion.numerator.value / denominator
      let left = Ratio.one - vested
      let all = ratio * Ratio(occurrences)
      let fraction: Ratio
      if portion.remainder == true {
        fraction = min(all, .one) * left
      } else if all <= left {
        fraction = all
      } else if ratio <= left {
        fraction = ratio
      } else {
        throw OCFVestingUnmappable(
          "condition '\(condition.id)' vests \(ratio.fractionString), more than is left")
      }
      part.fraction = fraction
      vested += fraction
      return
    }
    if let quantity = condition.quantity, quantity.value != .zero {
      guard let shares = quantity.shares, shares > .zero else {
        throw OCFVestingUnmappable(
          "condition '\(condition.id)' vests a quantity that is not a positive whole number")
      }
      if condition.portion?.remainder == true {
        throw OCFVestingUnmappable("condition '\(condition.id)' mixes remainder and quantity")
      }
      part.shares = shares
      return
    }
    part.fraction = .zero
  }

  /// The time-based part as one periodic schedule, when it is one: a relative schedule from
  /// the start (with an OCF 1.0/1.1 `cliff_condition`), or a one-off cliff from the start then
  /// a schedule from the cliff, in one unit, vesting what the other parts leave.
  private static func periodic(_ timed: [Part], others: [Part], hasShares: Bool)
    -> PeriodicVesting?
  {
    guard !timed.isEmpty, timed.allSatisfy({ $0.shares == nil }) else { return nil }
    let rest = Ratio.one - others.reduce(Ratio.zero) { $0 + ($1.fraction ?? .zero) }
    let total = timed.reduce(Ratio.zero) { $0 + ($1.fraction ?? .zero) }
    guard hasShares || total == rest, rest > .zero else { return nil }
    switch timed.count {
    case 1:
      guard case .relative(let anchor, let unit, let length, let k) = timed[0].kind,
        anchor == .start
      else { return nil }
      var cliff = 0
      if let old = timed[0].condition.cliffCondition {
        guard old.period.type == (unit == .months ? "MONTHS" : "DAYS") else { return nil }
        cliff = old.period.length
      }
      return PeriodicVesting(unit: unit, length: length * k, frequency: length, cliff: cliff)
    case 2:
      guard case .relative(let first, let unit, let cliff, 1) = timed[0].kind, first == .start,
        case .relative(let second, unit, let length, let k) = timed[1].kind,
        second == When.start.adding(unit, cliff), cliff % length == 0,
        timed[0].condition.cliffCondition == nil, timed[1].condition.cliffCondition == nil,
        let atCliff = timed[0].fraction
      else { return nil }
      let whole = cliff + length * k
      var periodic = PeriodicVesting(unit: unit, length: whole, frequency: length, cliff: cliff)
      if hasShares {
        // The share of the periodic part is not known before the quantity: only the usual
        // accrued cliff is taken.
        guard atCliff == Ratio(cliff, whole) * rest else { return nil }
      } else if atCliff / rest != Ratio(cliff, whole) {
        periodic.cliffPortion = atCliff / rest
      }
      return periodic
    default:
      return nil
    }
  }

  /// The time-based part as dated tranches, one per occurrence.
  private mutating func spellOut(_ timed: [Part]) throws(OCFVestingUnmappable) {
    var count = tranches.count
    for part in timed {
      guard case .relative(let anchor, let unit, let length, let k) = part.kind else { continue }
      if part.condition.cliffCondition != nil {
        throw OCFVestingUnmappable(
          "condition '\(part.condition.id)' has a cliff_condition in an irregular schedule")
      }
      count += k
      guard count <= Self.maximumTranches else {
        throw OCFVestingUnmappable("more than \(Self.maximumTranches) installments")
      }
      for occurrence in 1...k {
        let amount: VestingTerms.TypedAmount =
          part.shares.map { .shares($0) } ?? .portion((part.fraction ?? .zero) / Ratio(k))
        tranches.append(Dated(when: anchor.adding(unit, length * occurrence), amount: amount))
      }
    }
  }
}
