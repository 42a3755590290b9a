import CapstanModel
import Foundation

/// The package's reference data: stakeholders, classes and plans.
extension OCFMapper {
  /// Stakeholders; two with one name in the package stay two people, the second named
  /// `Name (2)` with a warning.
  mutating func mapStakeholders() -> [(ocfID: String, stakeholder: Stakeholder)] {
    var taken: Set<String> = []
    return stakeholderOrder.map { entry in
      let s = entry.value
      var name = s.name.legalName.trimmingCharacters(in: .whitespaces)
      if !taken.insert(name.lowercased()).inserted {
        var n = 2
        while taken.contains("\(name) (\(n))".lowercased()) { n += 1 }
        warn(
          entry.file, s.id,
          "another stakeholder is also named '\(name)'; recorded as '\(name) (\(n))'")
        name = "\(name) (\(n))"
        taken.insert(name.lowercased())
      }
      return (
        s.id,
        Stakeholder(
          id: Stakeholder.ID(s.id), name: name,
          kind: s.stakeholderType == "INSTITUTION" ? .institution : .individual,
          email: s.primaryContact?.emails?.first?.emailAddress)
      )
    }
  }

  mutating func mapClasses() throws -> [ShareClass] {
    try classOrder.map { c in
      let file = classFiles[c.id] ?? manifestName
      let authorized: Shares
      let text = c.initialSharesAuthorized ?? c.currentSharesAuthorized
      if let text, let value = OCFNumeric.parse(text) {
        guard let shares = OCFNumeric(value).shares, shares >= .zero else {
          throw OCFError.malformed(
            file: file, item: c.id, field: "initial_shares_authorized",
            expected: "a whole, non-negative number of shares, found \(text)")
        }
        authorized = shares
      } else if let text, text == "UNLIMITED" || text == "NOT APPLICABLE" {
        authorized = OCFMapper.unlimited
        warn(file, c.id, "authorized shares \(text): recorded as \(authorized)")
      } else {
        throw OCFError.malformed(
          file: file, item: c.id, field: "initial_shares_authorized",
          expected: "a decimal string (OCF Numeric), UNLIMITED or NOT APPLICABLE")
      }
      if c.initialSharesAuthorized == nil {
        warn(file, c.id, "no initial_shares_authorized; used current_shares_authorized")
      }
      let preferred = c.classType == "PREFERRED"
      var preference: LiquidationPreference?
      if preferred {
        let seniority =
          c.seniority?.value.flatMap { Int64(exactly: $0.numerator) }.map(Int.init) ?? 1
        preference = LiquidationPreference(
          multiple: c.liquidationPreferenceMultiple?.value ?? .one,
          participation: c.participationCapMultiple.map { .capped(multiple: $0.value) } ?? .none,
          seniority: seniority)
      }
      let conversion = try conversion(of: c, file: file)
      return ShareClass(
        id: ShareClass.ID(c.id), name: c.name, kind: preferred ? .preferred : .common,
        initialAuthorized: authorized, originalIssuePrice: c.pricePerShare?.amount.value,
        conversionPrice: conversion.price, preference: preference,
        votesPerShare: c.votesPerShare?.value ?? .one, conversion: conversion.conversion)
    }
  }

  /// Authorized shares recorded for a class the package calls UNLIMITED: 10^15.
  static let unlimited = Shares(1_000_000_000_000_000)

  mutating func mapPlans() throws -> [StockPlan] {
    var plans: [StockPlan] = []
    var grantsByPlan: [String: [(item: Item, value: Tx.EquityCompensationIssuance)]] = [:]
    for position in grantAt.values {
      guard let grant = grant(at: position) else { continue }
      grantsByPlan[grant.value.stockPlanId ?? OCFMapper.noPlan, default: []].append(grant)
    }
    for (file, p) in planOrder {
      let theirGrants = grantsByPlan.removeValue(forKey: p.id) ?? []
      guard
        let classID = p.stockClassIds?.first ?? p.stockClassId
          ?? theirGrants.compactMap(\.value.stockClassId).first
      else {
        throw OCFError.malformed(
          file: file, item: p.id, field: "stock_class_ids", expected: "the plan's stock class")
      }
      guard classIDs.contains(classID) else {
        throw OCFError.unknownReference(
          file: file, item: p.id, field: "stock_class_ids", id: classID)
      }
      if (p.stockClassIds?.count ?? 0) > 1 {
        warn(file, p.id, "the plan covers several classes; options are recorded on \(classID)")
      }
      guard let reserve = p.initialSharesReserved.shares, reserve >= .zero else {
        throw OCFError.malformed(
          file: file, item: p.id, field: "initial_shares_reserved",
          expected: "a whole, non-negative number of shares")
      }
      var adopted = p.boardApprovalDate?.value
      let firstGrant = theirGrants.map { created[$0.value.securityId] ?? $0.item.tx.date }.min()
      if let firstGrant, adopted.map({ firstGrant < $0 }) ?? true {
        if adopted != nil {
          warn(
            file, p.id,
            "options granted on \(firstGrant), before the plan's approval; "
              + "the plan is recorded as adopted then")
        }
        adopted = firstGrant
      }
      planReserve[p.id] = reserve
      planClass[p.id] = classID
      plans.append(
        StockPlan(
          id: StockPlan.ID(p.id), name: p.planName, shareClass: ShareClass.ID(classID),
          initialReserve: reserve,
          adopted: adopted ?? package.manifest.issuer.formationDate?.value ?? importedOn,
          cancellationBehavior: p.defaultCancellationBehavior == "RETIRE" ? .retire : .returnToPool
        ))
    }
    // Grants that name a plan the package leaves out: a placeholder plan that just holds them.
    for (planID, theirGrants) in grantsByPlan.sorted(by: { $0.key < $1.key }) {
      let first = theirGrants.min { $0.item.tx.date < $1.item.tx.date }
      guard let first else { continue }
      let adopted =
        theirGrants.map { created[$0.value.securityId] ?? $0.item.tx.date }.min()
        ?? first.item.tx.date
      let classID =
        theirGrants.compactMap(\.value.stockClassId).first
        ?? classOrder.first(where: { $0.classType == "COMMON" })?.id
      guard let classID, classIDs.contains(classID) else {
        throw OCFError.malformed(
          file: first.item.file, item: first.item.tx.id, field: "stock_class_id",
          expected: "the class of the options (the plan \(planID) is not in the package)")
      }
      var total = Shares.zero
      for grant in theirGrants { total += grant.value.quantity.shares ?? .zero }
      let name = planID == OCFMapper.noPlan ? "Grants outside a plan" : planID
      warn(
        first.item.file, first.item.tx.id,
        planID == OCFMapper.noPlan
          ? "grants without a stock_plan_id are recorded in a plan '\(name)' reserving \(total)"
          : "stock plan '\(planID)' is not in the package; recorded as a plan reserving the "
            + "\(total) options granted from it, adopted \(adopted)")
      planReserve[planID] = total
      planClass[planID] = classID
      plans.append(
        StockPlan(
          id: StockPlan.ID(planID), name: name, shareClass: ShareClass.ID(classID),
          initialReserve: total, adopted: adopted))
    }
    return plans
  }

  static let noPlan = "(no plan)"
}
