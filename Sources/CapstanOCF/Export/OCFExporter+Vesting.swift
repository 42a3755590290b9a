import CapstanModel
import Foundation

/// Richer vesting terms and the vesting events, as OCF 1.2.0 writes them.
///
/// Terms become a chain of conditions: the start, the dated tranches (absolute), the milestones
/// (`VESTING_EVENT`, the condition's id is the milestone's name), then the time-based part (a
/// cliff relative to the start, then the installments relative to the cliff). Amounts are
/// portions of the quantity granted (exact fractions), so the importer gets back the same
/// shares. A time-based part whose cliff or length is not a whole number of installments is
/// written as the dated tranches it vests.
extension ExportState {
  /// The id of the start condition of richer terms.
  static let richStart = "vesting-start"

  /// The VESTING_TERMS id for richer terms (one per distinct terms; those without dated
  /// tranches share one id whatever their start).
  mutating func richTermsID(_ terms: VestingTerms, quantity: Shares) -> String {
    if terms.acceleration != nil {
      termsSkipped[
        "vesting acceleration clause (its effect is exported as TX_VESTING_ACCELERATION)",
        default: 0] += 1
    }
    var key = terms
    key.acceleration = nil
    // Spelled-out installments are shares of the quantity granted.
    if key.basis == nil && !Self.alignedPeriodic(terms) { key.basis = quantity }
    let usesStart = !terms.tranches.isEmpty || !Self.alignedPeriodic(terms)
    if !usesStart { key.start = CalendarDate(iso: "2000-01-01") ?? terms.start }
    if let id = richTermsIDs[key] { return id }
    let id = "vesting-terms-\(richTermsIDs.count + 1)"
    richTermsIDs[key] = id
    richTerms.append(Self.richTermsObject(id: id, key))
    return id
  }

  /// Whether the time-based part (if any) is whole installments after the cliff, so it can be
  /// written as relative conditions.
  static func alignedPeriodic(_ terms: VestingTerms) -> Bool {
    guard let p = terms.periodic else { return true }
    return p.length % p.frequency == 0 && p.cliff % p.frequency == 0
  }

  /// A milestone's condition id: its name, unless that is one of the structural ids.
  static func milestoneCondition(_ name: String) -> String {
    let reserved = [richStart, "vesting-cliff", "vesting-installments"]
    return reserved.contains(name) || name.hasPrefix("tranche-") ? "milestone-" + name : name
  }

  static func portion(_ value: Ratio) -> [String: String] {
    ["numerator": value.numerator.description, "denominator": value.denominator.description]
  }

  /// The VESTING_TERMS object.
  static func richTermsObject(id: String, _ terms: VestingTerms) -> [String: Any] {
    let basis = terms.basis?.count ?? 1
    func share(_ amount: Shares) -> Ratio { Ratio(amount.count) / Ratio(basis) }
    var chain: [[String: Any]] = []
    var tranches = terms.tranches.map { ($0.date, $0.amount) }
    if !alignedPeriodic(terms), terms.periodic != nil {
      // Spelled out: every dated installment of the time-based part, with the tranches.
      var dated = terms
      dated.milestones = []
      tranches = []
      var before = Shares.zero
      let total = Shares(basis) - terms.milestones.reduce(Shares.zero) { $0 + $1.amount }
      dated.basis = total
      for (date, cumulative) in dated.installments(of: total) {
        tranches.append((date, cumulative - before))
        before = cumulative
      }
    }
    for (offset, tranche) in tranches.enumerated() {
      chain.append([
        "id": "tranche-\(offset + 1)", "portion": portion(share(tranche.1)),
        "trigger": ["type": "VESTING_SCHEDULE_ABSOLUTE", "date": tranche.0.description],
      ])
    }
    for milestone in terms.milestones {
      chain.append([
        "id": milestoneCondition(milestone.name), "description": milestone.name,
        "portion": portion(share(milestone.amount)), "trigger": ["type": "VESTING_EVENT"],
      ])
    }
    if let p = terms.periodic, alignedPeriodic(terms) {
      let fixed =
        terms.tranches.reduce(Shares.zero) { $0 + $1.amount }
        + terms.milestones.reduce(Shares.zero) { $0 + $1.amount }
      let whole = terms.basis == nil ? Ratio.one : share(Shares(basis) - fixed)
      var period: [String: Any] = ["type": p.unit == .months ? "MONTHS" : "DAYS"]
      if p.unit == .months { period["day_of_month"] = "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH" }
      func periodOf(_ length: Int, _ occurrences: Int) -> [String: Any] {
        var result = period
        result["length"] = length
        result["occurrences"] = occurrences
        return result
      }
      var atCliff = Ratio.zero
      if p.cliff > 0 {
        atCliff = whole * (p.cliffPortion ?? Ratio(p.cliff, p.length))
        chain.append([
          "id": "vesting-cliff", "portion": portion(atCliff),
          "trigger": [
            "type": "VESTING_SCHEDULE_RELATIVE", "relative_to_condition_id": richStart,
            "period": periodOf(p.cliff, 1),
          ],
        ])
      }
      let occurrences = (p.length - p.cliff) / p.frequency
      if occurrences > 0 {
        chain.append([
          "id": "vesting-installments", "portion": portion(whole - atCliff),
          "trigger": [
            "type": "VESTING_SCHEDULE_RELATIVE",
            "relative_to_condition_id": p.cliff > 0 ? "vesting-cliff" : richStart,
            "period": periodOf(p.frequency, occurrences),
          ],
        ])
      }
    }
    var conditions: [[String: Any]] = [
      [
        "id": richStart, "portion": portion(.zero), "trigger": ["type": "VESTING_START_DATE"],
      ]
    ]
    conditions += chain
    for index in conditions.indices {
      let next = index + 1 < conditions.count ? [conditions[index + 1]["id"] ?? ""] : []
      conditions[index]["next_condition_ids"] = next
    }
    // Terms without dated tranches are shared by every start: the name leaves the start out.
    let name = terms.notation.replacingOccurrences(of: " from \(terms.start)", with: "")
    return [
      "object_type": "VESTING_TERMS", "id": id, "name": name,
      "description": "Capstan vesting terms: \(name)",
      "allocation_type": terms.allocation.rawValue, "vesting_conditions": conditions,
    ]
  }

  // MARK: - Events

  /// TX_VESTING_ACCELERATION for an acceleration.
  mutating func objects(
    _ a: AcceleratedVesting, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    [acceleration(id, date, a.security, a.quantity, reason: a.reason ?? "")]
  }

  /// TX_VESTING_EVENT for each security the milestone reaches.
  mutating func objects(
    _ m: MilestoneAchievement, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    let key = m.name.trimmingCharacters(in: .whitespaces).lowercased()
    var reached: [(SecurityID, String)] = []
    func check(_ security: SecurityID, _ holder: Stakeholder.ID, _ terms: VestingTerms?) {
      if let wanted = m.security, wanted != security { return }
      if let wanted = m.holder, wanted != holder { return }
      if let name = terms?.milestones.first(where: {
        $0.name.trimmingCharacters(in: .whitespaces).lowercased() == key
      })?.name {
        reached.append((security, name))
      }
    }
    for (security, grant) in grants { check(security, grant.holder, grant.terms) }
    for (security, position) in stock { check(security, position.holder, position.terms) }
    reached.sort { $0.0 < $1.0 }
    if reached.isEmpty { skipped["milestone of compute grants", default: 0] += 1 }
    return reached.enumerated().map { offset, pair in
      var object = base(
        "TX_VESTING_EVENT", reached.count == 1 ? id : "\(id)-\(offset + 1)", date,
        security: pair.0)
      object["vesting_condition_id"] = Self.milestoneCondition(pair.1)
      return object
    }
  }

  /// What a change of control does in OCF's terms: the accelerations it triggers.
  mutating func objects(
    _ change: ChangeOfControl, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    effects(
      id, date, reason: "change of control" + (change.note.map { ": \($0)" } ?? ""),
      terminated: nil, skipped: &skipped)
  }

  /// What a termination does in OCF's terms: the accelerations it triggers and the options it
  /// cancels.
  mutating func objects(
    _ termination: Termination, _ id: String, _ date: CalendarDate,
    skipped: inout [String: Int]
  ) -> [[String: Any]] {
    effects(
      id, date, reason: "termination" + (termination.withoutCause ? " without cause" : ""),
      terminated: termination, skipped: &skipped)
  }

  func acceleration(
    _ id: String, _ date: CalendarDate, _ security: SecurityID, _ quantity: Shares,
    reason: String
  ) -> [String: Any] {
    var object = base("TX_VESTING_ACCELERATION", id, date, security: security)
    object["quantity"] = "\(quantity.count)"
    object["reason_text"] = reason
    return object
  }

  /// The accelerations a change of control or a termination (`terminated`) triggers on its
  /// date, and the options a termination cancels, read from the ledger replayed to that date.
  mutating func effects(
    _ id: String, _ date: CalendarDate, reason: String, terminated: Termination?,
    skipped: inout [String: Int]
  ) -> [[String: Any]] {
    // One replay per date (events of one day share it); a ledger with many such dates is
    // replayed once for each.
    if lastReplay?.date != date {
      guard let table = try? ledger.replay(asOf: date) else { return [] }
      lastReplay = (date, table)
    }
    guard let table = lastReplay?.table else { return [] }
    var objects: [[String: Any]] = []
    func inScope(_ security: SecurityID, _ holder: Stakeholder.ID, _ facts: VestingFacts) -> Bool {
      guard let terminated else { return facts.changeOfControl == date }
      if let wanted = terminated.security, wanted != security { return false }
      return holder == terminated.holder && facts.termination?.date == date
    }
    /// The clause's acceleration on this date, if it triggers on it.
    func clause(_ terms: VestingTerms?, _ total: Shares, _ facts: VestingFacts) -> Shares {
      guard let terms, terms.acceleration != nil, terms.accelerationDate(facts) == date else {
        return .zero
      }
      let parts = terms.breakdown(of: total, asOf: date, facts: facts)
      return max(.zero, parts.accelerated - min(facts.accelerated(asOf: date), parts.accelerated))
    }
    var count = 0
    func nextID() -> String {
      count += 1
      return "\(id)-\(count)"
    }
    for grant in table.options.values.sorted(by: { $0.security < $1.security })
    where inScope(grant.security, grant.holder, grant.vestingFacts) {
      let accelerated = clause(grant.vestingTerms, grant.granted, grant.vestingFacts)
      if accelerated > .zero {
        objects.append(acceleration(nextID(), date, grant.security, accelerated, reason: reason))
      }
      if let forfeited = grant.vestingFacts.termination?.forfeited, terminated != nil,
        forfeited > .zero
      {
        var object = base(
          "TX_EQUITY_COMPENSATION_CANCELLATION", nextID(), date, security: grant.security)
        object["quantity"] = "\(forfeited.count)"
        object["reason_text"] = reason + ": unvested options cancelled"
        grants[grant.security]?.outstanding -= forfeited
        objects.append(object)
      }
    }
    for position in table.stock.values.sorted(by: { $0.security < $1.security })
    where inScope(position.security, position.holder, position.vestingFacts) {
      let accelerated = clause(position.vestingTerms, position.quantity, position.vestingFacts)
      if accelerated > .zero {
        objects.append(
          acceleration(nextID(), date, position.security, accelerated, reason: reason))
      }
      if terminated != nil, position.quantity > position.vested(asOf: date) {
        skipped[
          "termination of restricted stock (vesting stops; OCF has no such event)", default: 0] +=
          1
      }
    }
    return objects
  }
}
