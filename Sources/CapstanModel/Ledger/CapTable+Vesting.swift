extension CapTable {
  /// The richer vesting terms of a new security, checked against its quantity.
  func checkedTerms(
    _ terms: VestingTermsReference?, _ security: SecurityID, _ quantity: Shares
  ) throws(LedgerError) -> VestingTermsReference? {
    guard let terms else { return nil }
    if let problem = terms.value.problem(for: quantity) { throw .invalidTerms(security, problem) }
    return terms
  }

  /// A change of control: every grant and restricted stock with an acceleration clause, not
  /// yet terminated and without an earlier change of control, takes this one.
  mutating func recordChangeOfControl(on date: CalendarDate) {
    changesOfControl.append(date)
    options.updateEach { grant in
      guard grant.termsReference?.value.acceleration != nil,
        grant.vestingFacts.changeOfControl == nil, grant.vestingFacts.termination == nil
      else { return }
      grant.vestingFacts.changeOfControl = date
    }
    stock.updateEach { position in
      guard position.termsReference?.value.acceleration != nil,
        position.vestingFacts.changeOfControl == nil, position.vestingFacts.termination == nil
      else { return }
      position.vestingFacts.changeOfControl = date
    }
  }

  /// A termination: vesting stops on `date` (after any double-trigger acceleration it sets
  /// off), and the unvested options are cancelled, back to the pool per the plan.
  mutating func terminate(_ termination: Termination, on date: CalendarDate) throws(LedgerError) {
    try requireHolder(termination.holder)
    let holder = name(of: termination.holder)
    var grants: [SecurityID] = []
    var shares: [SecurityID] = []
    if let id = termination.security {
      if let grant = options[id], grant.holder == termination.holder {
        grants.append(id)
      } else if let position = stock[id], position.holder == termination.holder {
        shares.append(id)
      } else if options[id] != nil || stock[id] != nil {
        throw .wrongSecurityKind(id, expected: "held by \(holder)")
      } else {
        throw .unknownSecurity(id, date: date)
      }
      if let earlier = (options[id]?.vestingFacts ?? stock[id]?.vestingFacts)?.termination {
        throw .alreadyTerminated(id, holder: holder, date: earlier.date)
      }
    } else {
      grants = options.values.filter {
        $0.holder == termination.holder && $0.outstanding > .zero
          && $0.vestingFacts.termination == nil
      }.map(\.security)
      shares = stock.values.filter {
        $0.holder == termination.holder && $0.vestingTerms != nil
          && $0.vestingFacts.termination == nil
      }.map(\.security)
      guard !grants.isEmpty || !shares.isEmpty else {
        throw .nothingToTerminate(holder: holder, date: date)
      }
    }
    let fact = VestingFacts.Termination(date: date, withoutCause: termination.withoutCause)
    for id in grants {
      guard var grant = options[id] else { continue }
      grant.vestingFacts.termination = fact
      let vested = min(grant.vested(asOf: date), grant.granted - grant.cancelled)
      let unvested = min(grant.outstanding, grant.granted - grant.cancelled - vested)
      grant.vestingFacts.termination?.forfeited = max(.zero, unvested)
      options[id] = grant
      guard unvested > .zero else { continue }
      let plan = try requirePlan(grant.plan)
      options.update(id) { $0.cancelled += unvested }
      plans.update(grant.plan) { $0.optionsOutstanding -= unvested }
      if plan.definition.cancellationBehavior == .returnToPool {
        plans.update(grant.plan) { $0.available += unvested }
      }
    }
    for id in shares {
      stock.update(id) { position in
        position.vestingFacts.termination = fact
        let unvested = position.quantity - position.vested(asOf: date)
        position.vestingFacts.termination?.forfeited = unvested
      }
    }
  }

  /// A milestone reached: the milestone tranches of that name vest, for the securities in
  /// scope that are not terminated, and unlock for the compute grants in scope.
  mutating func reachMilestone(
    _ milestone: MilestoneAchievement, on date: CalendarDate
  ) throws(LedgerError) {
    if let holder = milestone.holder { try requireHolder(holder) }
    if let id = milestone.security, options[id] == nil, stock[id] == nil,
      computeGrants[id] == nil
    {
      throw .unknownSecurity(id, date: date)
    }
    let key = milestone.name.trimmingSpaces.lowercased()
    /// The terms' own spelling of the milestone, when the security is in scope and has it.
    func named(_ security: SecurityID, _ holder: Stakeholder.ID, _ terms: VestingTerms?)
      -> String?
    {
      if let wanted = milestone.security, wanted != security { return nil }
      if let wanted = milestone.holder, wanted != holder { return nil }
      return terms?.milestones.first { $0.name.trimmingSpaces.lowercased() == key }?.name
    }
    var matched = 0
    options.updateEach { grant in
      guard let name = named(grant.security, grant.holder, grant.termsReference?.value)
      else { return }
      matched += 1
      guard grant.vestingFacts.termination == nil, grant.vestingFacts.reached(name) == nil
      else { return }
      grant.vestingFacts.milestones.append(VestingFacts.Milestone(name: name, date: date))
    }
    stock.updateEach { position in
      guard let name = named(position.security, position.holder, position.termsReference?.value)
      else { return }
      matched += 1
      guard position.vestingFacts.termination == nil, position.vestingFacts.reached(name) == nil
      else { return }
      position.vestingFacts.milestones.append(VestingFacts.Milestone(name: name, date: date))
    }
    // Compute grants: the provider is the holder; tokens clawed back stay clawed back.
    computeGrants.updateEach { position in
      let grant = position.grant
      let terms = grant.unlock.milestones.isEmpty ? nil : grant.unlock.vestingTerms
      guard let name = named(grant.security, grant.provider, terms) else { return }
      matched += 1
      guard position.vestingFacts.reached(name) == nil else { return }
      position.vestingFacts.milestones.append(VestingFacts.Milestone(name: name, date: date))
    }
    guard matched > 0 else {
      let scope =
        milestone.security.map { " of \($0.rawValue)" }
        ?? milestone.holder.map { " of \(name(of: $0))" } ?? ""
      throw .unknownMilestone(name: milestone.name, scope: scope, date: date)
    }
  }

  /// An acceleration: `quantity` of one grant's or restricted stock's unvested options or shares
  /// vest on `date`; refused for more than is unvested then, or after the holder's termination.
  mutating func accelerate(
    _ acceleration: AcceleratedVesting, on date: CalendarDate
  ) throws(LedgerError) {
    let id = acceleration.security
    try requirePositive(acceleration.quantity, "acceleration of \(id)")
    let holder: Stakeholder.ID
    let facts: VestingFacts
    let unvested: Shares
    if let grant = options[id] {
      holder = grant.holder
      facts = grant.vestingFacts
      let total = grant.granted - grant.cancelled
      unvested = max(.zero, min(grant.outstanding, total - min(grant.vested(asOf: date), total)))
    } else if let position = stock[id] {
      holder = position.holder
      facts = position.vestingFacts
      unvested = position.quantity - min(position.vested(asOf: date), position.quantity)
    } else if computeGrants[id] != nil || warrants[id] != nil || convertibles[id] != nil {
      throw .wrongSecurityKind(id, expected: "an option grant or restricted stock")
    } else {
      throw .unknownSecurity(id, date: date)
    }
    if let termination = facts.termination {
      throw .alreadyTerminated(id, holder: name(of: holder), date: termination.date)
    }
    guard acceleration.quantity <= unvested else {
      throw .exceedsUnvested(
        security: id, holder: name(of: holder), unvested: unvested,
        requested: acceleration.quantity, date: date)
    }
    let fact = VestingFacts.Acceleration(date: date, quantity: acceleration.quantity)
    if options[id] != nil {
      options.update(id) { $0.vestingFacts.accelerations.append(fact) }
    } else {
      stock.update(id) { $0.vestingFacts.accelerations.append(fact) }
    }
  }
}
