/// The state a write sees, and what it adds; each addition is validated before it is kept.
public struct WorkspaceDraft {
  /// Companies, including ones added in this write.
  public internal(set) var companies: [Company]
  /// Stakeholders, including ones added in this write.
  public internal(set) var stakeholders: [Stakeholder]
  /// What this write adds, for the store to persist.
  public internal(set) var changes = WorkspaceChanges()

  var ledgers: [Company.ID: Ledger] = [:]
  /// Lowercased names and the ids of the stakeholders, kept so that adding many (an import)
  /// is not quadratic.
  var stakeholderKeys: (names: Set<String>, ids: Set<String>)?
  private let load: (Company.ID) throws -> Ledger
  private let loadRounds: (Company.ID) throws -> [SavedRound]
  private let loadMarket: () throws -> TokenMarket
  let loadControlRecords: (Company.ID) throws -> [ControlRecord]
  /// The token market including this write's additions, once loaded.
  var loadedMarket: TokenMarket?
  /// Reads a company's offer changes as stored, in order (the store sets it; none by default).
  public var loadOffers: (Company.ID) throws -> [OfferChange] = { _ in [] }
  /// Reads the workspace's stored costs to serve, in recording order (the store sets it; none
  /// by default).
  public var loadTokenCosts: () throws -> [TokenCostMark] = { [] }
  /// Reads the workspace's access changes as stored, in order (`WorkspaceDraft+Access`).
  public var loadAccess: () throws -> [AccessChange] = { [] }

  /// A draft over the stored state; `load` reads a company's ledger.
  public init(
    companies: [Company], stakeholders: [Stakeholder],
    load: @escaping (Company.ID) throws -> Ledger,
    loadRounds: @escaping (Company.ID) throws -> [SavedRound] = { _ in [] },
    loadMarket: @escaping () throws -> TokenMarket = { TokenMarket() },
    loadControlRecords: @escaping (Company.ID) throws -> [ControlRecord] = { _ in [] }
  ) {
    self.loadControlRecords = loadControlRecords
    self.loadRounds = loadRounds
    self.loadMarket = loadMarket
    self.companies = companies
    self.stakeholders = stakeholders
    self.load = load
  }

  /// The company's ledger including this write's additions.
  public mutating func ledger(for company: Company.ID) throws -> Ledger {
    if let ledger = ledgers[company] { return ledger }
    var ledger: Ledger
    if changes.companies.contains(where: { $0.id == company }),
      let definition = companies.first(where: { $0.id == company })
    {
      ledger = Ledger(company: definition, stakeholders: stakeholders)
    } else {
      ledger = try load(company)
    }
    for stakeholder in changes.stakeholders { ledger.stakeholders[stakeholder.id] = stakeholder }
    for change in changes.stakeholderChanges {
      ledger.stakeholders[change.stakeholder] = ledger.stakeholders[change.stakeholder]?
        .applying(change)
    }
    ledgers[company] = ledger
    return ledger
  }

  /// Adds a company; its name must be new.
  public mutating func addCompany(
    name: String, currency: Currency, incorporated: CalendarDate,
    rounding: RoundingPolicy = .standard, broadBasedIncludesUnissuedPool: Bool = false,
    conversionSeries: ConversionSeries = .subSeries
  ) throws(LedgerError) -> Company {
    let trimmed = name.trimmingSpaces
    if let reason = NameText.problem(trimmed) {
      throw .invalidName(kind: "company", name: trimmed, reason: reason)
    }
    guard !companies.contains(where: { $0.name.lowercased() == trimmed.lowercased() }) else {
      throw .duplicateName(kind: "company", name: trimmed)
    }
    let company = Company(
      id: Company.ID(Slug.unique(trimmed, taken: Set(companies.map(\.id.rawValue)))), name: trimmed,
      currency: currency, incorporated: incorporated, rounding: rounding,
      broadBasedIncludesUnissuedPool: broadBasedIncludesUnissuedPool,
      conversionSeries: conversionSeries)
    companies.append(company)
    changes.companies.append(company)
    return company
  }

  /// Adds a stakeholder to the workspace; its name must be new.
  public mutating func addStakeholder(
    name: String, kind: Stakeholder.Kind = .individual, email: String? = nil
  ) throws(LedgerError) -> Stakeholder {
    let trimmed = name.trimmingSpaces
    if let reason = NameText.problem(trimmed) {
      throw .invalidName(kind: "stakeholder", name: trimmed, reason: reason)
    }
    var keys =
      stakeholderKeys
      ?? (Set(stakeholders.map { $0.name.lowercased() }), Set(stakeholders.map(\.id.rawValue)))
    // Taken out while it changes, so the sets are not shared and inserting does not copy them
    // (which made adding n stakeholders quadratic).
    stakeholderKeys = nil
    defer { stakeholderKeys = keys }
    guard keys.names.insert(trimmed.lowercased()).inserted else {
      throw .duplicateName(kind: "stakeholder", name: trimmed)
    }
    let id = Slug.unique(trimmed, taken: keys.ids)
    keys.ids.insert(id)
    let stakeholder = Stakeholder(
      id: Stakeholder.ID(id),
      name: trimmed, kind: kind, email: email)
    stakeholders.append(stakeholder)
    changes.stakeholders.append(stakeholder)
    for id in ledgers.keys { ledgers[id]?.stakeholders[stakeholder.id] = stakeholder }
    return stakeholder
  }

  /// Adds a share class to a company; its id is made from its name (the one given is ignored).
  public mutating func addClass(_ template: ShareClass, to company: Company.ID) throws -> ShareClass
  {
    var ledger = try ledger(for: company)
    var shareClass = template
    shareClass.name = template.name.trimmingSpaces
    shareClass.id = ShareClass.ID(
      Slug.unique(shareClass.name, taken: Set(ledger.classes.map(\.id.rawValue))))
    if let reason = NameText.problem(shareClass.name) {
      throw LedgerError.invalidName(kind: "share class", name: shareClass.name, reason: reason)
    }
    guard !ledger.classes.contains(where: { $0.name.lowercased() == shareClass.name.lowercased() })
    else { throw LedgerError.duplicateName(kind: "share class", name: shareClass.name) }
    guard shareClass.initialAuthorized >= .zero else {
      throw LedgerError.nonPositiveQuantity(
        what: "authorized shares of \(shareClass.name)", quantity: shareClass.initialAuthorized)
    }
    if let target = shareClass.conversion.target {
      guard ledger.classes.contains(where: { $0.id == target }) else {
        throw LedgerError.unknownClass(target.rawValue)
      }
    }
    ledger.classes.append(shareClass)
    _ = try ledger.checkEveryView()
    ledgers[company] = ledger
    changes.classes.append(CompanyItem(company: company, item: shareClass))
    return shareClass
  }

  /// Adds a stock plan to a company; its reserve must fit under the class's authorized shares.
  /// Its id is made from its name (the one given is ignored).
  public mutating func addPlan(_ template: StockPlan, to company: Company.ID) throws -> StockPlan {
    var ledger = try ledger(for: company)
    var plan = template
    plan.name = template.name.trimmingSpaces
    plan.id = StockPlan.ID(Slug.unique(plan.name, taken: Set(ledger.plans.map(\.id.rawValue))))
    if let reason = NameText.problem(plan.name) {
      throw LedgerError.invalidName(kind: "stock plan", name: plan.name, reason: reason)
    }
    guard !ledger.plans.contains(where: { $0.name.lowercased() == plan.name.lowercased() })
    else { throw LedgerError.duplicateName(kind: "stock plan", name: plan.name) }
    guard plan.initialReserve >= .zero else {
      throw LedgerError.nonPositiveQuantity(
        what: "reserve of \(plan.name)", quantity: plan.initialReserve)
    }
    guard plan.adopted >= ledger.company.incorporated else {
      throw LedgerError.beforeIncorporation(
        date: plan.adopted, incorporated: ledger.company.incorporated, company: ledger.company.name)
    }
    // Check the reserve against the class on the adoption date (in that date's units, before
    // any later split), so the message names the plan rather than a later issuance; the full
    // replay below then checks every later transaction with the plan in place.
    var table = try ledger.replay(asOf: plan.adopted)
    do throws(LedgerError) {
      try table.adopt(plan)
    } catch {
      throw LedgerFailure(context: "stock plan '\(plan.name)'", error: error)
    }
    ledger.plans.append(plan)
    _ = try ledger.checkEveryView()
    ledgers[company] = ledger
    changes.plans.append(CompanyItem(company: company, item: plan))
    return plan
  }

  /// The workspace's tokens and prices, including this write's additions.
  public mutating func tokenMarket() throws -> TokenMarket {
    if let loadedMarket { return loadedMarket }
    let market = try loadMarket()
    loadedMarket = market
    return market
  }

  /// Records a new token or price marks (checked by the callers in `WorkspaceDraft+Tokens`).
  mutating func keep(tokens: [ComputeToken], prices: [TokenPriceMark]) throws {
    var market = try tokenMarket()
    for token in tokens { market.add(token) }
    market.add(prices)
    loadedMarket = market
    changes.tokens += tokens
    changes.tokenPrices += prices
  }

  /// Records a checked valuation (see `WorkspaceDraft+Valuations`).
  mutating func keep(_ valuation: ShareValuation, company: Company.ID) {
    changes.valuations.append(CompanyItem(company: company, item: valuation))
  }

  /// The company's saved rounds, including any saved in this write.
  public func savedRounds(for company: Company.ID) throws -> [SavedRound] {
    try loadRounds(company) + changes.rounds.filter { $0.company == company }.map(\.item)
  }

  /// Saves a round under a name that is new for the company.
  public mutating func saveRound(_ round: SavedRound, company: Company.ID) throws {
    let taken = try savedRounds(for: company).map { $0.name.lowercased() }
    guard !round.name.trimmingSpaces.isEmpty, !taken.contains(round.name.lowercased()) else {
      throw LedgerError.duplicateName(kind: "saved round", name: round.name)
    }
    changes.rounds.append(CompanyItem(company: company, item: round))
  }

  /// Appends dated events to a company's ledger as new transactions, validating the whole
  /// ledger with them in place (a back-dated entry must not break a later one).
  @discardableResult
  public mutating func append(
    _ events: [(date: CalendarDate, event: LedgerEvent)], to company: Company.ID
  ) throws -> [Transaction] {
    let (ledger, added, wasEmpty) = try prepare(events, for: company)
    _ = try ledger.checkEveryView()
    keep(ledger, added: added, wasEmpty: wasEmpty, company: company)
    return added
  }

  /// The company's ledger with the events in place as new transactions (not validated, not
  /// kept yet), the new transactions, and whether the ledger was empty before.
  private mutating func prepare(
    _ events: [(date: CalendarDate, event: LedgerEvent)], for company: Company.ID
  ) throws -> (Ledger, [Transaction], Bool) {
    var ledger = try ledger(for: company)
    let wasEmpty = ledger.transactions.isEmpty
    var added: [Transaction] = []
    added.reserveCapacity(events.count)
    var sequence = ledger.nextSequence
    for (date, event) in events {
      let transaction = Transaction(sequence: sequence, date: date, event: event)
      sequence += 1
      added.append(transaction)
    }
    ledger.insert(contentsOf: added)
    return (ledger, added, wasEmpty)
  }

  /// Keeps a prepared ledger and records its new transactions as changes.
  private mutating func keep(
    _ ledger: Ledger, added: [Transaction], wasEmpty: Bool, company: Company.ID
  ) {
    ledgers[company] = ledger
    // A new ledger holds exactly what was added, already in replay order: the store inserts
    // rows in the order of its clustered key (date, sequence), which is the cheapest for it.
    let ordered = wasEmpty ? ledger.transactions : added
    changes.transactions.reserveCapacity(changes.transactions.count + ordered.count)
    for transaction in ordered {
      changes.transactions.append(CompanyItem(company: company, item: transaction))
    }
  }
}

/// What one write adds to a workspace.
public struct WorkspaceChanges: Sendable {
  /// New companies.
  public var companies: [Company] = []
  /// New stakeholders.
  public var stakeholders: [Stakeholder] = []
  /// Changes to stakeholders' names, kinds and e-mails, in order.
  public var stakeholderChanges: [StakeholderChange] = []
  /// New share classes.
  public var classes: [CompanyItem<ShareClass>] = []
  /// New stock plans.
  public var plans: [CompanyItem<StockPlan>] = []
  /// New transactions: in replay order when they start a ledger, else in recording order (each
  /// carries its sequence, so the order is only the order of insertion).
  public var transactions: [CompanyItem<Transaction>] = []
  /// Newly saved rounds.
  public var rounds: [CompanyItem<SavedRound>] = []
  /// New compute tokens.
  public var tokens: [ComputeToken] = []
  /// New token price marks.
  public var tokenPrices: [TokenPriceMark] = []
  /// New valuations.
  public var valuations: [CompanyItem<ShareValuation>] = []
  /// New control records (board seats, provisions, compute use).
  public var controlRecords: [CompanyItem<ControlRecord>] = []
  /// Offers added and removed, in order.
  public var offers: [CompanyItem<OfferChange>] = []
  /// The last batch of each company copied whole from another workspace (nil: it had none),
  /// kept instead of the batch of everything copied, so `undo` voids what it voided there.
  public internal(set) var copiedBatches: [Company.ID: ClosedRange<Int>?] = [:]
  /// New costs to serve of tokens' compute (`token cost`).
  public var tokenCosts: [TokenCostMark] = []
  /// Users, roles and tokens added or removed, in order (`WorkspaceDraft+Access`).
  public var access: [AccessChange] = []
  /// Who writes, for the audit records (nil: the command line, `AuditContext.commandLine`).
  public var audit: AuditContext?
  /// What each round close in this write recorded (`WorkspaceDraft.closeSavedRound`); a close
  /// always adds transactions too, so `isEmpty` need not count these.
  public var roundClosings: [CompanyItem<RoundCloseRecord>] = []
  /// Audit records copied whole from another workspace (`workspace copy`), kept before this
  /// write's own (`AuditRecord+Pointer.swift`).
  public internal(set) var copiedAudit: [AuditRecord] = []
  /// The audit record each copied transaction pointed at there, by company and sequence.
  public internal(set) var copiedAuditIDs: [Company.ID: [Int: String]] = [:]

  /// The sequences of the transactions added to each company's ledger (a write numbers them
  /// contiguously).
  public var batches: [(company: Company.ID, sequences: ClosedRange<Int>)] {
    var bounds: [Company.ID: ClosedRange<Int>] = [:]
    var order: [Company.ID] = []
    for entry in transactions {
      let sequence = entry.item.sequence
      if let range = bounds[entry.company] {
        bounds[entry.company] =
          min(range.lowerBound, sequence)...max(range.upperBound, sequence)
      } else {
        bounds[entry.company] = sequence...sequence
        order.append(entry.company)
      }
    }
    return order.compactMap { id in
      if let copied = copiedBatches[id] { return copied.map { (id, $0) } }
      return bounds[id].map { (id, $0) }
    }
  }

  /// Whether nothing was added.
  public var isEmpty: Bool {
    companies.isEmpty && stakeholders.isEmpty && stakeholderChanges.isEmpty && classes.isEmpty
      && plans.isEmpty
      && transactions.isEmpty && rounds.isEmpty && tokens.isEmpty && tokenPrices.isEmpty
      && valuations.isEmpty && controlRecords.isEmpty && offers.isEmpty && tokenCosts.isEmpty
      && access.isEmpty
  }
}

/// Something that belongs to one company.
public struct CompanyItem<Item: Sendable>: Sendable {
  /// The company.
  public var company: Company.ID
  /// The thing.
  public var item: Item
}

/// Readable, stable ids made from names: `Acme AI` → `acme-ai`, then `acme-ai-2`.
enum Slug {
  static func unique(_ name: String, taken: Set<String>) -> String {
    var slug = ""
    for scalar in name.lowercased().unicodeScalars {
      if ("a"..."z").contains(Character(scalar)) || ("0"..."9").contains(Character(scalar)) {
        slug.unicodeScalars.append(scalar)
      } else if !slug.isEmpty, slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.last == "-" { slug.removeLast() }
    if slug.isEmpty { slug = "id" }
    if !taken.contains(slug) { return slug }
    var n = 2
    while taken.contains("\(slug)-\(n)") { n += 1 }
    return "\(slug)-\(n)"
  }
}
