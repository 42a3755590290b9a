import CapstanModel

/// The health check of a company as of a date: what a lawyer checks first in a cap table.
///
/// Authorized shares per class against issued + reserved + what outstanding preferred,
/// warrants and convertibles would need on conversion; option strikes against the 409A in force
/// at grant; stale 409As; over-granted pools; odd vesting starts; valuations relied on with no
/// board approval date; stakeholders whose names look alike.
public struct HealthCheck: Sendable {
  /// The date checked.
  public let asOf: CalendarDate
  /// The findings, errors first.
  public let findings: [HealthFinding]

  /// Whether any finding is an error.
  public var hasErrors: Bool { findings.contains { $0.severity == .error } }

  /// Checks `ledger` as of `date` with the company's `valuations`.
  public init(_ ledger: Ledger, valuations: [ShareValuation], asOf date: CalendarDate) throws {
    asOf = date
    let table = try ledger.replay(asOf: date)
    var findings: [HealthFinding] = []
    findings += try Self.authorized(table, on: date)
    findings += Self.strikes(ledger, table, valuations: valuations, on: date)
    findings += Self.staleValuations(ledger, valuations: valuations, on: date)
    findings += Self.pools(table)
    findings += Self.vestingStarts(ledger, on: date)
    findings += Self.duplicateNames(ledger, table)
    self.findings = findings.enumerated().sorted {
      ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset)
    }.map(\.element)
  }

  /// Authorized shares of each class against what it must cover. Common must cover its
  /// outstanding shares, its plans' reserves (options outstanding and unissued pool), its
  /// warrants, every preferred class as converted (shares × conversion ratio, floored) and the
  /// convertibles' shares estimated at their caps (`ConvertibleEstimate`); a preferred class its
  /// outstanding shares and warrants. An error when the firm needs exceed the authorized
  /// shares, a warning when only the convertibles' estimate does.
  static func authorized(_ table: CapTable, on date: CalendarDate) throws -> [HealthFinding] {
    let estimate = try ConvertibleEstimate(table, on: date)
    let commons = table.classes.values.filter { $0.definition.kind == .common }
    var findings: [HealthFinding] = []
    for state in table.classes.values.sorted(by: { $0.definition.name < $1.definition.name }) {
      let id = state.definition.id
      let reserved = table.reserved(for: id)
      let warrants = table.warrants.values.filter { $0.issuance.shareClass == id }
        .reduce(Shares.zero) { $0 + $1.outstanding }
      var parts: [(String, Shares)] = [
        ("issued", state.outstanding), ("reserved for plans", reserved), ("warrants", warrants),
      ]
      // The conversion needs fall on the common class (the first by name when there are more).
      if state.definition.kind == .common,
        commons.min(by: { $0.definition.name < $1.definition.name })?.definition.id == id
      {
        var preferred = Shares.zero
        for holding in CompanyCapitalization(table).stock
        where table.classes[holding.shareClass]?.definition.kind == .preferred {
          preferred += holding.asConverted
        }
        parts.append(("preferred as converted", preferred))
        parts.append(("convertibles at their caps (estimate)", estimate.totalShares))
      }
      let needed = parts.reduce(Shares.zero) { $0 + $1.1 }
      guard needed > state.authorized else { continue }
      // Short only through the convertibles' estimate: a warning (the round sets the numbers).
      let firm = needed - (parts.last { $0.0.hasPrefix("convertibles") }?.1 ?? .zero)
      let severity: HealthFinding.Severity = firm > state.authorized ? .error : .warning
      let name = state.definition.name
      let shortfall = needed - state.authorized
      let listed = parts.filter { $0.1 > .zero }.map { "\($0.1) \($0.0)" }
        .joined(separator: " + ")
      findings.append(
        HealthFinding(
          severity, check: "authorized-shares", subject: name,
          message:
            "\(name): \(state.authorized) authorized, \(needed) needed (\(listed)): "
            + "short by \(shortfall)",
          numbers: [
            ("authorized", String(state.authorized.count)), ("needed", String(needed.count)),
            ("shortfall", String(shortfall.count)),
          ] + parts.map { ($0.0, String($0.1.count)) },
          fix: "capstan authorize \"\(name)\" \(needed.count) --date \(date.iso)"))
    }
    return findings
  }

  /// Options granted below the 409A in force on the grant date, or with none in force.
  static func strikes(
    _ ledger: Ledger, _ table: CapTable, valuations: [ShareValuation], on date: CalendarDate
  ) -> [HealthFinding] {
    var findings: [HealthFinding] = []
    let currency = ledger.company.currency
    for transaction in ledger.effectiveTransactions where transaction.date <= date {
      guard case .grantOptions(let grant) = transaction.event,
        let plan = ledger.plans.first(where: { $0.id == grant.plan })
      else { continue }
      let holder = table.name(of: grant.holder)
      let subject = "\(grant.security) (\(holder))"
      guard
        let valuation = valuations.inForce(on: transaction.date, shareClass: plan.shareClass)
      else {
        findings.append(
          HealthFinding(
            .warning, check: "no-409a", subject: subject,
            message:
              "\(subject) was granted on \(transaction.date) with no 409A valuation in force",
            fix:
              "record the 409A: capstan valuation add --class CLASS --price P --date YYYY-MM-DD"))
        continue
      }
      guard grant.strike < valuation.pricePerShare else { continue }
      let strike = Price(grant.strike, currency).formatted()
      let fair = Price(valuation.pricePerShare, currency).formatted()
      findings.append(
        HealthFinding(
          .error, check: "strike-below-409a", subject: subject,
          message:
            "\(subject) was granted on \(transaction.date) at a strike of \(strike), below the "
            + "409A of \(fair) in force (effective \(valuation.effective))",
          numbers: [
            ("strike", grant.strike.fractionString),
            ("fair_market_value", valuation.pricePerShare.fractionString),
          ],
          fix:
            "void the grant and grant again at \(fair) or more: capstan void "
            + "\(transaction.sequence) --reason \"strike below 409A\""))
    }
    return findings
  }

  /// 409As more than 12 months old on the date, dated before a later split of their class, or
  /// relied on by grants with no board approval date.
  static func staleValuations(
    _ ledger: Ledger, valuations: [ShareValuation], on date: CalendarDate
  ) -> [HealthFinding] {
    var findings: [HealthFinding] = []
    let names = Dictionary(
      ledger.classes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    for shareClass in ledger.classes {
      guard let current = valuations.inForce(on: date, shareClass: shareClass.id) else {
        continue
      }
      let name = names[shareClass.id] ?? shareClass.id.rawValue
      if current.effective.adding(months: 12) < date {
        findings.append(
          HealthFinding(
            .warning, check: "stale-409a", subject: name,
            message:
              "the 409A of \(name) in force is dated \(current.effective), more than 12 months "
              + "before \(date)",
            fix: "capstan valuation add --class \"\(name)\" --price P --date \(date.iso)"))
      }
      let splitAfter = ledger.effectiveTransactions.first { transaction in
        guard case .split(let split) = transaction.event else { return false }
        return split.shareClass == shareClass.id && transaction.date > current.effective
          && transaction.date <= date
      }
      if let split = splitAfter {
        findings.append(
          HealthFinding(
            .warning, check: "409a-before-split", subject: name,
            message:
              "the 409A of \(name) in force (\(current.effective)) is dated before the split of "
              + "\(split.date): its price is per pre-split share",
            fix: "capstan valuation add --class \"\(name)\" --price P --date \(split.date.iso)"))
      }
      if current.boardApproved == nil,
        ledger.effectiveTransactions.contains(where: { transaction in
          guard case .grantOptions(let grant) = transaction.event else { return false }
          return transaction.date >= current.effective && transaction.date <= date
            && ledger.plans.first { $0.id == grant.plan }?.shareClass == shareClass.id
        })
      {
        findings.append(
          HealthFinding(
            .warning, check: "no-board-approval", subject: name,
            message:
              "grants of \(name) options rely on the 409A of \(current.effective), which has no "
              + "board approval date",
            fix:
              "capstan valuation add --class \"\(name)\" --price P --date "
              + "\(current.effective.iso) --board-approved YYYY-MM-DD"))
      }
    }
    return findings
  }

  /// Plans whose options outstanding and exercised exceed what they reserved.
  static func pools(_ table: CapTable) -> [HealthFinding] {
    table.plans.values.sorted { $0.definition.name < $1.definition.name }.compactMap { plan in
      guard plan.available < .zero else { return nil }
      let name = plan.definition.name
      return HealthFinding(
        .error, check: "over-granted-pool", subject: name,
        message: "\(name) is over-granted by \(Shares.zero - plan.available)",
        numbers: [("available", String(plan.available.count))],
        fix: "capstan plan increase \"\(name)\" \((Shares.zero - plan.available).count)")
    }
  }

  /// Vesting starting before incorporation, or more than a year after the grant or issuance.
  static func vestingStarts(_ ledger: Ledger, on date: CalendarDate) -> [HealthFinding] {
    var findings: [HealthFinding] = []
    for transaction in ledger.effectiveTransactions where transaction.date <= date {
      let security: SecurityID
      let start: CalendarDate
      if let grant = transaction.event.payload(as: OptionGrant.self) {
        guard let schedule = grant.vesting else { continue }
        (security, start) = (grant.security, schedule.start)
      } else if let issuance = transaction.event.payload(as: StockIssuance.self) {
        guard let schedule = issuance.vesting else { continue }
        (security, start) = (issuance.security, schedule.start)
      } else {
        continue
      }
      let late = transaction.date.adding(months: 12) < start
      let early = start < ledger.company.incorporated
      guard late || early else { continue }
      findings.append(
        HealthFinding(
          .warning, check: "vesting-start", subject: security.rawValue,
          message:
            "\(security) vests from \(start), "
            + (late
              ? "more than a year after it was granted (\(transaction.date))"
              : "before the company was incorporated (\(ledger.company.incorporated))"),
          fix: "void it and record it again with the right --vesting-start: capstan void "
            + "\(transaction.sequence) --reason \"vesting start\""))
    }
    return findings
  }

  /// Stakeholders of the company whose names are the same once case, punctuation and a legal
  /// suffix (Inc, LLC, LP, Ltd, Fund) are dropped.
  static func duplicateNames(_ ledger: Ledger, _ table: CapTable) -> [HealthFinding] {
    var holders = Set<Stakeholder.ID>()
    for transaction in ledger.effectiveTransactions {
      let event = transaction.event
      let holder =
        event.payload(as: StockIssuance.self)?.holder ?? event.payload(as: OptionGrant.self)?.holder
        ?? event.payload(as: Transfer.self)?.to
        ?? event.payload(as: Exercise.self)?.issuedStock?.holder
        ?? event.payload(as: SAFEIssuance.self)?.holder
        ?? event.payload(as: NoteIssuance.self)?.holder
        ?? event.payload(as: WarrantIssuance.self)?.holder
      if let holder { holders.insert(holder) }
    }
    var byKey: [String: [String]] = [:]
    for id in holders {
      let name = table.name(of: id)
      byKey[Self.nameKey(name), default: []].append(name)
    }
    return byKey.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
      .map { names in
        HealthFinding(
          .warning, check: "duplicate-names", subject: names.joined(separator: ", "),
          message: "these stakeholders look like one: \(names.joined(separator: ", "))",
          fix:
            "if they are one: capstan stakeholder merge \"\(names[1])\" INTO \"\(names[0])\"")
      }
  }

  /// A name folded for comparison: lowercase letters and digits, legal suffixes dropped.
  static func nameKey(_ name: String) -> String {
    let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    let suffixes: Set<String> = ["inc", "llc", "lp", "ltd", "fund", "co", "corp", "the"]
    let kept = words.filter { !suffixes.contains($0) }
    return (kept.isEmpty ? words : kept).joined(separator: " ")
  }
}
