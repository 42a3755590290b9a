import CapstanModel
import Foundation

extension SheetClassPlan {
  /// New plans: the options granted from each plan the company lacks, plus the pool rows.
  mutating func planPlans() throws(ImportError) {
    for holding in sheet.holdings where holding.isOption && existingPlan(holding.plan) == nil {
      let name = holding.plan ?? "Equity Plan"
      let className = try className(of: holding)
      addToPlan(name, className: className, holding.quantity)
    }
    for pool in sheet.pools {
      let name: String
      if let named = pool.plan {
        name = named
      } else if newPlans.count == 1 {
        name = newPlans[0].name
      } else if newPlans.isEmpty, let only = existingPlan(nil) {
        name = only.name
      } else {
        name = "Equity Plan"
      }
      if existingPlan(name) != nil {
        notes.append(
          "\(pool.location): '\(pool.label)' \(pool.available) available is compared with plan "
            + "\(name) of the workspace, which is not changed")
        continue
      }
      addToPlan(name, className: optionsClass, pool.available)
      notes.append(
        "\(pool.location): '\(pool.label)' is the pool still available for grant: plan \(name)'s "
          + "reserve = the options the sheet grants + \(pool.available)")
    }
  }

  private mutating func addToPlan(_ name: String, className: String, _ quantity: Shares) {
    if let index = newPlans.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) {
      newPlans[index].reserve += quantity
    } else {
      newPlans.append((name, className, quantity))
    }
  }

  /// New classes with the file's terms; authorized for what the sheet puts in them when the
  /// file does not say. A preferred class without its issue price or liquidation multiple is
  /// refused, naming every such class and the terms it lacks.
  mutating func planClasses() throws(ImportError) {
    var totals: [String: Shares] = [:]
    var order: [String] = []
    func add(_ name: String, _ quantity: Shares) {
      guard existingClass(name) == nil else { return }
      if totals[name.lowercased()] == nil { order.append(name) }
      totals[name.lowercased(), default: .zero] += quantity
    }
    for holding in sheet.holdings where !holding.isOption {
      add(try className(of: holding), holding.quantity)
    }
    for plan in newPlans { add(plan.className, plan.reserve) }
    // Options granted from a plan the company has count against that plan's reserve already.
    var missing: [(name: String, terms: [String])] = []
    for name in order {
      let terms = terms(name)
      let kind = kind(name)
      let needed = totals[name.lowercased()] ?? .zero
      var shareClass = ShareClass(
        id: "new", name: name, kind: kind, initialAuthorized: terms?.authorized ?? needed)
      if terms?.authorized == nil {
        notes.append("class \(name): \(needed) authorized, the shares the sheet puts in it")
      }
      if kind == .preferred {
        var lacking: [String] = []
        if terms?.originalIssuePrice == nil { lacking.append("original issue price") }
        if terms?.liquidationMultiple == nil { lacking.append("liquidation multiple") }
        if !lacking.isEmpty {
          missing.append((name, lacking))
          continue
        }
        shareClass = preferred(shareClass, terms: terms ?? SheetClassTerms(name: name))
      } else if let terms, terms.hasEconomics {
        shareClass.originalIssuePrice = terms.originalIssuePrice
      }
      newClasses.append(shareClass)
    }
    for name in Set(sheet.classTerms.map { $0.name.lowercased() }) {
      guard let existing = existingClass(name), let terms = terms(name) else { continue }
      compare(existing, with: terms)
    }
    guard missing.isEmpty else { throw refusal(missing) }
  }

  private mutating func preferred(_ template: ShareClass, terms: SheetClassTerms) -> ShareClass {
    var shareClass = template
    let name = template.name
    let issue = terms.originalIssuePrice ?? .zero
    shareClass.originalIssuePrice = issue
    var assumed: [String] = []
    if let price = terms.conversionPrice {
      shareClass.conversionPrice = price
    } else if let ratio = terms.conversionRatio {
      shareClass.conversionPrice = issue / ratio
    } else {
      assumed.append("converts 1:1 (conversion price = issue price)")
    }
    let participation: Participation
    switch (terms.participates, terms.participationCap) {
    case (false?, _): participation = .none
    case (_, let cap?): participation = .capped(multiple: cap)
    case (true?, nil): participation = .full
    case (nil, nil):
      participation = .none
      assumed.append("non-participating")
    }
    if terms.seniority == nil { assumed.append("seniority 1") }
    if terms.antiDilution == nil { assumed.append("no anti-dilution") }
    shareClass.preference = LiquidationPreference(
      multiple: terms.liquidationMultiple ?? .one, participation: participation,
      seniority: terms.seniority ?? 1)
    shareClass.antiDilution = terms.antiDilution ?? .none
    if !assumed.isEmpty {
      notes.append("class \(name): not given, so assumed: \(assumed.joined(separator: ", "))")
    }
    return shareClass
  }

  private mutating func compare(_ existing: ShareClass, with terms: SheetClassTerms) {
    var differences: [String] = []
    if let price = terms.originalIssuePrice, price != existing.originalIssuePrice {
      differences.append(
        "original issue price \(Price(price, ledger.company.currency).exactString) (workspace: "
          + "\(existing.originalIssuePrice.map { Price($0, ledger.company.currency).exactString } ?? "none"))"
      )
    }
    if let multiple = terms.liquidationMultiple, multiple != existing.preference?.multiple {
      differences.append(
        "liquidation multiple \(multiple.decimalString(places: 4, minimumPlaces: 0))x "
          + "(workspace: \(existing.preference.map { $0.multiple.decimalString(places: 4, minimumPlaces: 0) + "x" } ?? "none"))"
      )
    }
    guard !differences.isEmpty else { return }
    warnings.append(
      SheetImport.Warning(
        location: terms.locations.values.sorted().first ?? "\(sheet.grid.file)",
        message:
          "the file gives class \(existing.name) \(differences.joined(separator: " and ")); "
          + "the workspace's terms are kept"))
  }

  private func refusal(_ missing: [(name: String, terms: [String])]) -> ImportError {
    let list = missing.map { "\($0.name) (missing: \($0.terms.joined(separator: ", ")))" }
    let example = missing[0].name
    return ImportError(
      location: "\(sheet.grid.file), sheet \(sheet.grid.name)",
      message:
        "refusing to create preferred classes without their economics: "
        + list.joined(separator: "; ") + ". Give the terms either in the file (a "
        + "\"Share classes\" sheet, or columns beside the holdings: Original Issue Price, "
        + "Liquidation Multiple, Participation, Participation Cap, Seniority, Anti-dilution, "
        + "Conversion Ratio), or add the class before the import, which then uses it: "
        + "capstan class add \"\(example)\" --authorized N --preferred --issue-price P "
        + "--liquidation-multiple 1x. Nothing was written.")
  }
}
