import CapstanModel

extension CompanyImage {
  /// Adds the company to the draft as a new company: stakeholders (a stakeholder whose name the
  /// workspace already has is that stakeholder), classes, plans, then every transaction in one
  /// append, validated together. Returns the new company.
  ///
  /// A failure names the place in the import file that caused it; the caller's `write` then
  /// rolls everything back. (A large file is better streamed: `NativeXMLReader.importStreaming`
  /// never holds its transactions all at once.)
  public func write(into draft: inout WorkspaceDraft) throws(ImportError) -> Company {
    let (added, mapping) = try writeHeader(into: &draft)
    let events = transactions.map { transaction in
      (
        date: transaction.date,
        event: mapping.identity ? transaction.event : mapping.apply(transaction.event)
      )
    }
    do {
      let first = try draft.ledger(for: added.id).nextSequence
      do {
        try draft.append(events, to: added.id)
      } catch let failure as LedgerFailure {
        throw explain(failure, first: first)
      }
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(location: companySource, message: "\(error)")
    }
    return added
  }

  /// Adds the company and its reference data (stakeholders, tokens, classes, plans,
  /// valuations) to the draft, without transactions; returns the new company and how the
  /// file's ids map to the workspace's.
  func writeHeader(into draft: inout WorkspaceDraft) throws(ImportError) -> (Company, IDMapping) {
    let added: Company
    do {
      added = try draft.addCompany(
        name: company.name, currency: company.currency, incorporated: company.incorporated,
        rounding: company.rounding,
        broadBasedIncludesUnissuedPool: company.broadBasedIncludesUnissuedPool,
        conversionSeries: company.conversionSeries)
    } catch {
      throw ImportError(location: companySource, message: "\(error)")
    }
    // Only the ids that change: see `IDMapping`.
    var holders: [Stakeholder.ID: Stakeholder.ID] = [:]
    let known = Dictionary(
      draft.stakeholders.map { ($0.name.lowercased(), $0.id) }, uniquingKeysWith: { a, _ in a })
    for stakeholder in stakeholders {
      if let existing = known[stakeholder.name.lowercased()] {
        if existing != stakeholder.id { holders[stakeholder.id] = existing }
        continue
      }
      do {
        let added = try draft.addStakeholder(
          name: stakeholder.name, kind: stakeholder.kind, email: stakeholder.email
        ).id
        if added != stakeholder.id { holders[stakeholder.id] = added }
      } catch {
        throw ImportError(location: companySource, message: "stakeholder: \(error)")
      }
    }
    try writeTokens(into: &draft, holders: holders)
    var classIDs: [ShareClass.ID: ShareClass.ID] = [:]
    for var shareClass in classes {
      // The class it converts into is declared before it, and named by its new id.
      if case .into(let target, let ratio, let rounding) = shareClass.conversion {
        shareClass.conversion = .into(
          target: classIDs[target] ?? target, ratio: ratio, rounding: rounding)
      }
      do {
        classIDs[shareClass.id] = try draft.addClass(shareClass, to: added.id).id
      } catch {
        throw ImportError(
          location: definitionSources[shareClass.id.rawValue] ?? companySource,
          message: "share class '\(shareClass.name)': \(error)")
      }
    }
    var planIDs: [StockPlan.ID: StockPlan.ID] = [:]
    for template in plans {
      var plan = template
      plan.shareClass = classIDs[plan.shareClass] ?? plan.shareClass
      do {
        planIDs[plan.id] = try draft.addPlan(plan, to: added.id).id
      } catch {
        throw ImportError(
          location: definitionSources["plan:" + plan.id.rawValue] ?? companySource,
          message: "stock plan '\(plan.name)': \(error)")
      }
    }
    try writeValuations(into: &draft, company: added.id, classes: classIDs)
    return (added, IDMapping(holders: holders, classes: classIDs, plans: planIDs))
  }

  var companySource: String { definitionSources["company"] ?? company.name }

  /// A ledger failure at the place in the file of its transaction (the first added has
  /// sequence `first`).
  private func explain(_ failure: LedgerFailure, first: Int) -> ImportError {
    if let sequence = failure.transaction?.sequence,
      let source = source(ofTransaction: sequence - first)
    {
      return ImportError(location: source, message: "\(failure.error)")
    }
    return ImportError(location: companySource, message: "\(failure)")
  }
}

/// The file's ids of stakeholders, classes and plans mapped to the workspace's; only the ids
/// that change are kept (a fresh workspace keeps the file's ids, and a map of 50,000
/// stakeholders to themselves would cost megabytes for nothing).
struct IDMapping {
  private var holders: [Stakeholder.ID: Stakeholder.ID]
  private var classes: [ShareClass.ID: ShareClass.ID]
  private var plans: [StockPlan.ID: StockPlan.ID]

  /// Whether every id maps to itself (the usual case: a new workspace).
  var identity: Bool { holders.isEmpty && classes.isEmpty && plans.isEmpty }

  init(
    holders: [Stakeholder.ID: Stakeholder.ID], classes: [ShareClass.ID: ShareClass.ID],
    plans: [StockPlan.ID: StockPlan.ID]
  ) {
    self.holders = holders.filter { $0.key != $0.value }
    self.classes = classes.filter { $0.key != $0.value }
    self.plans = plans.filter { $0.key != $0.value }
  }

  func holder(_ id: Stakeholder.ID) -> Stakeholder.ID { holders[id] ?? id }
  func shareClass(_ id: ShareClass.ID) -> ShareClass.ID { classes[id] ?? id }
  func plan(_ id: StockPlan.ID) -> StockPlan.ID { plans[id] ?? id }

  /// The event with its ids mapped.
  func apply(_ event: LedgerEvent) -> LedgerEvent {
    event.mappingIdentifiers(holder: holder, shareClass: shareClass, plan: plan)
  }
}
