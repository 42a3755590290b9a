extension WorkspaceDraft {
  /// Adds everything `source` holds to this draft, which must be empty: companies,
  /// stakeholders with their history, classes, plans, ledgers with their last batches (what
  /// `undo` voids), saved rounds and their closings, valuations, control records, tokens and
  /// prices, each with its id unchanged; the users with their roles and tokens' hashes as
  /// they stand, and every audit record (the ledger rows pointing at the same ones), before
  /// the copy's own. Every ledger is replayed before anything is kept. This is how a
  /// workspace is copied from one store to another (`capstan workspace copy`).
  public mutating func copy(from source: any Workspace) throws {
    guard companies.isEmpty, stakeholders.isEmpty, changes.isEmpty else {
      throw WorkspaceCopyError.destinationNotEmpty
    }
    let history = try source.stakeholderHistory()
    // The stakeholders as first recorded: the current ones with their changes undone, last
    // first (the store applies the history again when it reads them).
    var originals = try source.stakeholders()
    for change in history.reversed() {
      let undo = StakeholderChange(
        stakeholder: change.stakeholder, date: change.date, field: change.field,
        old: change.new, new: change.old)
      originals = originals.map { $0.applying(undo) }
    }
    changes.stakeholders = originals
    changes.stakeholderChanges = history
    stakeholders = Stakeholder.current(originals, changes: history)
    stakeholderKeys = nil
    for company in try source.companies() {
      try copyCompany(company, from: source)
    }
    let market = try source.tokenMarket()
    changes.tokens = market.tokens.values.sorted { $0.symbol < $1.symbol }
    changes.tokenPrices = market.series.keys.sorted().flatMap { market.series[$0]?.marks ?? [] }
    loadedMarket = market
    changes.tokenCosts = try source.tokenCosts()
    let directory = try source.accessDirectory()
    changes.access =
      directory.users.map { .addUser($0) } + directory.grants.map { .grant($0) }
      + directory.tokens.map { .addToken($0) }
    changes.copiedAudit = try source.auditRecords()
  }

  private mutating func copyCompany(_ company: Company, from source: any Workspace) throws {
    var ledger = try source.ledger(for: company.id)
    ledger.stakeholders = Dictionary(uniqueKeysWithValues: stakeholders.map { ($0.id, $0) })
    _ = try ledger.checkEveryView()
    companies.append(company)
    changes.companies.append(company)
    ledgers[company.id] = ledger
    let id = company.id
    changes.classes += ledger.classes.map { CompanyItem(company: id, item: $0) }
    changes.plans += ledger.plans.map { CompanyItem(company: id, item: $0) }
    changes.transactions += ledger.transactions.map { CompanyItem(company: id, item: $0) }
    changes.copiedBatches[id] = try source.lastBatch(for: id)
    changes.copiedAuditIDs[id] = try source.transactionAuditIDs(for: id)
    changes.rounds += try source.savedRounds(for: id).map { CompanyItem(company: id, item: $0) }
    changes.valuations += try source.valuations(for: id).map {
      CompanyItem(company: id, item: $0)
    }
    changes.controlRecords += try source.controlRecords(for: id).map {
      CompanyItem(company: id, item: $0)
    }
    changes.offers += try source.offers(for: id).map { CompanyItem(company: id, item: .added($0)) }
    changes.roundClosings += try source.roundClosings(for: id).map {
      CompanyItem(company: id, item: $0)
    }
  }
}

/// Why a workspace cannot be copied.
public enum WorkspaceCopyError: Error, Equatable, CustomStringConvertible {
  /// The destination already holds companies or stakeholders.
  case destinationNotEmpty

  /// The fact.
  public var description: String {
    switch self {
    case .destinationNotEmpty:
      "the destination workspace is not empty: a copy goes into a new, empty workspace"
    }
  }
}
