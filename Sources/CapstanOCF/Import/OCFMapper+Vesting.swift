import CapstanModel

/// Vesting: the terms a security names (`OCFVestingTemplate`), TX_VESTING_EVENT and
/// TX_VESTING_ACCELERATION.
extension OCFMapper {
  /// The milestone that stands for vesting terms missing from the package.
  static func unknownVesting(_ termsID: String) -> String {
    "vesting unknown: terms \(termsID) not in the package"
  }

  /// The shape of a package's vesting terms, read once.
  mutating func shape(_ termsID: String) -> OCFVestingShape? {
    if let shape = shapes[termsID] { return shape }
    guard let entry = terms[termsID] else { return nil }
    let shape = OCFVestingShape(entry.value)
    shapes[termsID] = shape
    return shape
  }

  /// The vesting of a security with vesting terms, starting at its TX_VESTING_START (else its
  /// issue date): a plain schedule when the terms are nothing more, else the richer terms.
  ///
  /// The issuance's `vestings` list (explicit dates and amounts) is read when it names no
  /// terms, or terms that are missing or not mapped.
  mutating func vesting(
    _ termsID: String?, security: String, quantity: Shares, issued: CalendarDate, _ item: Item,
    vestings: [Tx.ScheduledVesting]? = nil
  ) -> (plain: VestingSchedule?, terms: VestingTerms?) {
    let start = vestingStarts[security] ?? issued
    let listed = !(vestings ?? []).isEmpty
    guard let termsID, !termsID.isEmpty else {
      return explicitVesting(vestings ?? [], quantity: quantity, start: start, item)
    }
    guard let entry = terms[termsID], let shape = shape(termsID) else {
      // Nothing vests until the terms are known: one milestone of the whole quantity, so the
      // security is neither vested nor exercisable, unless the package acts on it (an exercise
      // or transfer of what would then be unvested would be refused).
      guard !listed, firstUse[security] == nil, quantity > .zero else {
        warn(
          item.file, item.tx.id,
          "vesting terms '\(termsID)' are not in the package; "
            + (listed
              ? "its vestings list is used"
              : "imported without vesting (the package exercises or transfers it)"))
        return explicitVesting(vestings ?? [], quantity: quantity, start: start, item)
      }
      warn(
        item.file, item.tx.id,
        "vesting terms '\(termsID)' are not in the package; its vesting is unknown: nothing "
          + "vested or exercisable until the milestone '\(Self.unknownVesting(termsID))' is "
          + "recorded")
      return (
        nil,
        VestingTerms(
          start: start,
          milestones: [VestingMilestone(name: Self.unknownVesting(termsID), amount: quantity)])
      )
    }
    switch shape {
    case .template(let template):
      if reportedTerms.insert(termsID).inserted {
        for note in template.notes { warn(entry.file, termsID, note) }
      }
      if let plain = template.plainMonths {
        return (
          VestingSchedule(
            start: start, totalMonths: plain.total, cliffMonths: plain.cliff,
            frequencyMonths: plain.frequency), nil
        )
      }
      do {
        let terms = try template.terms(quantity: quantity, start: start)
        if let plain = terms.plainSchedule { return (plain, nil) }
        return (nil, terms)
      } catch {
        skip("VESTING_TERMS (for one security)")
        warn(
          item.file, item.tx.id,
          "imported without vesting: its terms '\(termsID)' do not fit \(quantity) "
            + "(\(error.reason))")
        return (nil, nil)
      }
    case .unmappable(let reason):
      if reportedTerms.insert(termsID).inserted {
        skip("VESTING_TERMS")
        warn(entry.file, termsID, "vesting terms not mapped (\(reason))")
      }
      warn(
        item.file, item.tx.id,
        listed
          ? "its terms '\(termsID)' are not mapped; its vestings list is used"
          : "imported without vesting: its terms '\(termsID)' are not mapped")
      return explicitVesting(vestings ?? [], quantity: quantity, start: start, item)
    }
  }

  /// An issuance's `vestings` list as dated tranches of its quantity; nil (with a warning)
  /// when the amounts are not whole shares or do not add up to the quantity.
  mutating func explicitVesting(
    _ vestings: [Tx.ScheduledVesting], quantity: Shares, start: CalendarDate, _ item: Item
  ) -> (plain: VestingSchedule?, terms: VestingTerms?) {
    guard !vestings.isEmpty else { return (nil, nil) }
    var tranches: [VestingTranche] = []
    var problem: String?
    for vesting in vestings {
      guard let shares = vesting.amount.shares, shares >= .zero else {
        problem = "an amount is not a whole number of shares"
        break
      }
      if shares > .zero {
        tranches.append(VestingTranche(date: vesting.date.value, amount: shares))
      }
    }
    let terms = VestingTerms(start: start, tranches: tranches, basis: quantity)
    if let problem = problem ?? terms.problem(for: quantity) {
      skip("vestings list (for one security)")
      warn(item.file, item.tx.id, "imported without vesting: its vestings list \(problem)")
      return (nil, nil)
    }
    return (nil, terms)
  }

  /// A TX_VESTING_EVENT: the milestone named by its condition is reached, for its security;
  /// listed as not mapped (with a warning) when the security's terms do not have it mapped.
  mutating func vestingEvent(_ v: Tx.Vesting, item: Item) throws -> LedgerEvent? {
    guard created[v.securityId] != nil else {
      throw OCFError.unknownReference(
        file: item.file, item: item.tx.id, field: "security_id", id: v.securityId)
    }
    let condition = v.vestingConditionId ?? ""
    if let termsID = securityTerms[v.securityId], case .template(let template)? = shape(termsID),
      template.milestones.contains(where: { $0.name == condition })
    {
      return .reachMilestone(
        MilestoneAchievement(name: condition, security: SecurityID(v.securityId)))
    }
    skip(item.tx.objectType)
    warn(
      item.file, item.tx.id,
      "vesting condition '\(condition)' is not a mapped VESTING_EVENT of \(v.securityId)'s "
        + "vesting terms; not recorded")
    return nil
  }

  /// A TX_VESTING_ACCELERATION: `quantity` of the security's unvested shares vest on its date.
  /// Listed as not mapped (with a warning) when the security's terms were not mapped; the
  /// ledger refuses more than is unvested (an error naming the file and item).
  mutating func vestingAcceleration(_ v: Tx.Vesting, item: Item) throws -> LedgerEvent? {
    guard created[v.securityId] != nil else {
      throw OCFError.unknownReference(
        file: item.file, item: item.tx.id, field: "security_id", id: v.securityId)
    }
    let quantity = try shares(v.quantity, item, "quantity")
    if let termsID = securityTerms[v.securityId] {
      if case .template? = shape(termsID) {
      } else {
        skip(item.tx.objectType)
        warn(
          item.file, item.tx.id,
          "the vesting terms '\(termsID)' of \(v.securityId) are not mapped; acceleration of "
            + "\(quantity) not recorded")
        return nil
      }
    }
    let reason = v.reasonText.flatMap { $0.isEmpty ? nil : $0 }
    return .accelerateVesting(
      AcceleratedVesting(security: SecurityID(v.securityId), quantity: quantity, reason: reason))
  }
}
