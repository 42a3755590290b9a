import CapstanModel

extension OCFImportPlan {
  /// Maps a package read from disk; nothing is written. `importedOn` (the import's day) dates
  /// the company and its plans when the package gives no date at all.
  public static func map(_ package: OCFPackage, importedOn: CalendarDate) throws
    -> OCFImportPlan
  {
    var mapper = OCFMapper(package: package, importedOn: importedOn)
    return try mapper.map()
  }

  /// Adds the company, its stakeholders, classes, plans and transactions to a write.
  ///
  /// A stakeholder whose name the workspace already knows is reused (one person across a
  /// portfolio). A transaction the ledger refuses is reported with its OCF file and item id.
  public func apply(to draft: inout WorkspaceDraft) throws -> Company {
    let company = try draft.addCompany(
      name: companyName, currency: currency, incorporated: incorporated)
    var holders: [String: Stakeholder.ID] = [:]
    var byName: [String: Stakeholder.ID] = [:]
    for existing in draft.stakeholders { byName[existing.name.lowercased()] = existing.id }
    for (ocfID, stakeholder) in stakeholders {
      let key = stakeholder.name.trimmingCharacters(in: .whitespaces).lowercased()
      if let known = byName[key] {
        holders[ocfID] = known
        continue
      }
      let added = try draft.addStakeholder(
        name: stakeholder.name, kind: stakeholder.kind, email: stakeholder.email)
      byName[key] = added.id
      holders[ocfID] = added.id
    }
    // A class that converts into another is added after it, naming it by its new id.
    var classIDs: [String: ShareClass.ID] = [:]
    var pending = classes
    while !pending.isEmpty {
      let ready = pending.filter {
        $0.conversion.target.map { classIDs[$0.rawValue] != nil } ?? true
      }
      // A cycle of conversions: the rest are added as they are, and the ledger refuses them.
      for template in ready.isEmpty ? pending : ready {
        var shareClass = template
        if case .into(let target, let ratio, let rounding) = template.conversion {
          shareClass.conversion = .into(
            target: classIDs[target.rawValue] ?? target, ratio: ratio, rounding: rounding)
        }
        classIDs[template.id.rawValue] = try draft.addClass(shareClass, to: company.id).id
      }
      let added = Set((ready.isEmpty ? pending : ready).map(\.id))
      pending.removeAll { added.contains($0.id) }
    }
    var planIDs: [String: StockPlan.ID] = [:]
    for template in plans {
      var plan = template
      plan.shareClass = classIDs[template.shareClass.rawValue] ?? template.shareClass
      planIDs[template.id.rawValue] = try draft.addPlan(plan, to: company.id).id
    }
    try addValuations(to: &draft, company: company.id, classes: classIDs)
    let ids = OCFIDMap(holders: holders, classes: classIDs, plans: planIDs)
    let first = try draft.ledger(for: company.id).nextSequence
    do {
      try draft.append(events.map { ($0.date, ids.remap($0.event)) }, to: company.id)
    } catch let failure as LedgerFailure {
      if let transaction = failure.transaction {
        let index = transaction.sequence - first
        if events.indices.contains(index) {
          let entry = events[index]
          throw OCFError.refused(
            file: entry.file, item: entry.item,
            reason: "\(transaction.event.kind) on \(transaction.date) refused: \(failure.error)")
        }
      }
      throw failure
    }
    return company
  }
}

/// OCF ids to the workspace's ids.
struct OCFIDMap {
  var holders: [String: Stakeholder.ID]
  var classes: [String: ShareClass.ID]
  var plans: [String: StockPlan.ID]

  func holder(_ id: Stakeholder.ID) -> Stakeholder.ID { holders[id.rawValue] ?? id }
  func shareClass(_ id: ShareClass.ID) -> ShareClass.ID { classes[id.rawValue] ?? id }
  func plan(_ id: StockPlan.ID) -> StockPlan.ID { plans[id.rawValue] ?? id }

  func remap(_ event: LedgerEvent) -> LedgerEvent {
    event.mappingIdentifiers(holder: holder, shareClass: shareClass, plan: plan)
  }
}
