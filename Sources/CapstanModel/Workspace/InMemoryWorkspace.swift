import Foundation

/// A workspace held in memory, for tests and for modelling without a file.
public final class InMemoryWorkspace: Workspace, @unchecked Sendable {
  let lock = NSLock()
  private var storedCompanies: [Company] = []
  private var storedStakeholders: [Stakeholder] = []
  private var history: [StakeholderChange] = []
  private var lastBatches: [Company.ID: ClosedRange<Int>] = [:]
  private var classes: [Company.ID: [ShareClass]] = [:]
  private var plans: [Company.ID: [StockPlan]] = [:]
  var transactions: [Company.ID: [Transaction]] = [:]
  private var rounds: [Company.ID: [SavedRound]] = [:]
  private var market = TokenMarket()
  private var storedValuations: [Company.ID: [ShareValuation]] = [:]
  private var storedControlRecords: [Company.ID: [ControlRecord]] = [:]
  private var storedTokenCosts: [TokenCostMark] = []
  private var storedOffers: [Company.ID: [OfferChange]] = [:]
  var storedAccess: [AccessChange] = []
  var storedAudit: [AuditRecord] = []
  /// Each transaction's audit record id, by company and sequence (`InMemoryWorkspace+Audit`).
  var transactionAudit: [Company.ID: [Int: String]] = [:]
  /// Stored replay snapshots (`InMemoryWorkspace+Snapshots.swift`).
  var storedSnapshots: [Company.ID: [LedgerSnapshot]] = [:]
  /// Round closings (`InMemoryWorkspace+RoundClosings.swift`).
  var storedRoundClosings: [Company.ID: [RoundCloseRecord]] = [:]
  /// Browser sessions by their id's hash (`InMemoryWorkspace+Access.swift`).
  var storedSessions: [String: BrowserSession] = [:]

  /// An empty workspace.
  public init() {}

  /// All companies, by name.
  public func companies() throws -> [Company] {
    lock.withLock { storedCompanies.sorted { $0.name < $1.name } }
  }

  /// All stakeholders, by name.
  public func stakeholders() throws -> [Stakeholder] {
    lock.withLock { current.sorted { $0.name < $1.name } }
  }

  /// Every change to a stakeholder, in recording order.
  public func stakeholderHistory() throws -> [StakeholderChange] {
    lock.withLock { history }
  }

  /// The stakeholders with their history applied.
  private var current: [Stakeholder] { Stakeholder.current(storedStakeholders, changes: history) }

  /// A company's ledger.
  public func ledger(for company: Company.ID) throws -> Ledger {
    var ledger = try lock.withLock { try unlockedLedger(for: company) }
    ledger.snapshotSink = { [self] snapshot in try? self.saveSnapshot(snapshot) }
    return ledger
  }

  private func unlockedLedger(for company: Company.ID) throws -> Ledger {
    guard let definition = storedCompanies.first(where: { $0.id == company }) else {
      throw WorkspaceError.unknownCompany(company.rawValue, known: storedCompanies.map(\.name))
    }
    var ledger = Ledger(
      company: definition, stakeholders: current, classes: classes[company] ?? [],
      plans: plans[company] ?? [], transactions: transactions[company] ?? [])
    ledger.snapshots = storedSnapshots[company] ?? []
    return ledger
  }

  /// The sequences the last write recorded in the company's ledger.
  public func lastBatch(for company: Company.ID) throws -> ClosedRange<Int>? {
    lock.withLock { lastBatches[company] }
  }

  /// The rounds saved for a company.
  public func savedRounds(for company: Company.ID) throws -> [SavedRound] {
    lock.withLock { rounds[company] ?? [] }
  }

  /// The workspace's compute tokens and their market prices.
  public func tokenMarket() throws -> TokenMarket {
    lock.withLock { market }
  }

  /// Runs `body` and keeps its additions only when it returns.
  public func write<T>(_ body: (inout WorkspaceDraft) throws -> T) throws -> T {
    try lock.withLock {
      var draft = WorkspaceDraft(
        companies: storedCompanies, stakeholders: current,
        load: { [unowned self] id in try self.unlockedLedger(for: id) },
        loadRounds: { [unowned self] id in self.rounds[id] ?? [] },
        loadMarket: { [unowned self] in self.market },
        loadControlRecords: { [unowned self] id in self.storedControlRecords[id] ?? [] })
      draft.loadOffers = { [unowned self] id in self.storedOffers[id] ?? [] }
      draft.loadTokenCosts = { [unowned self] in self.storedTokenCosts }
      draft.loadAccess = { [unowned self] in self.storedAccess }
      let result = try body(&draft)
      let changes = draft.changes
      storedCompanies += changes.companies
      storedStakeholders += changes.stakeholders
      history += changes.stakeholderChanges
      for entry in changes.classes { classes[entry.company, default: []].append(entry.item) }
      for entry in changes.plans { plans[entry.company, default: []].append(entry.item) }
      let audit = changes.auditRecords()
      let auditIDs = audit.idsByCompany
      for entry in changes.transactions {
        transactions[entry.company, default: []].append(entry.item)
        transactionAudit[entry.company, default: [:]][entry.item.sequence] =
          changes.auditID(of: entry, made: auditIDs)
      }
      for batch in changes.batches { lastBatches[batch.company] = batch.sequences }
      for entry in changes.rounds { rounds[entry.company, default: []].append(entry.item) }
      for token in changes.tokens { market.add(token) }
      market.add(changes.tokenPrices)
      for entry in changes.valuations {
        storedValuations[entry.company, default: []].append(entry.item)
      }
      for entry in changes.controlRecords {
        storedControlRecords[entry.company, default: []].append(entry.item)
      }
      storedTokenCosts += changes.tokenCosts
      for entry in changes.offers { storedOffers[entry.company, default: []].append(entry.item) }
      storedAccess += changes.access
      storedAudit += changes.storedAudit(audit)
      dropSnapshots(changes.staleSnapshots)
      keepRoundClosings(changes.roundClosings)
      return result
    }
  }
}

extension InMemoryWorkspace {
  /// A company's valuations, in the order recorded.
  public func valuations(for company: Company.ID) throws -> [ShareValuation] {
    lock.withLock { storedValuations[company] ?? [] }
  }

  /// A company's control records, in the order recorded.
  public func controlRecords(for company: Company.ID) throws -> [ControlRecord] {
    lock.withLock { storedControlRecords[company] ?? [] }
  }
}

extension InMemoryWorkspace {
  /// The workspace's costs to serve, in recording order.
  public func tokenCosts() throws -> [TokenCostMark] {
    lock.withLock { storedTokenCosts }
  }

  /// A company's current offers, in the order added.
  public func offers(for company: Company.ID) throws -> [Offer] {
    lock.withLock { OfferChange.current(storedOffers[company] ?? []) }
  }
}
