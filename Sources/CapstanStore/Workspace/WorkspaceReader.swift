import CapstanModel
import GRDB

/// Reads companies, stakeholders and ledgers through one database connection.
///
/// Rows are decoded by hand, by column index, from a cursor over a cached statement: a
/// ledger of a hundred thousand transactions is read in one range scan with no per-row
/// allocation beyond the values themselves.
struct WorkspaceReader {
  let db: Database

  /// Every company, in the order they were added.
  func companies() throws -> [Company] {
    let rows = try Row.fetchCursor(db.cachedStatement(sql: Company.selectSQL + " ORDER BY rowid"))
    var companies: [Company] = []
    while let row = try rows.next() { companies.append(try Company(stored: row)) }
    return companies
  }

  /// Every stakeholder, in the order they were added, with its current values (its history
  /// applied).
  func stakeholders() throws -> [Stakeholder] {
    let statement = try db.cachedStatement(sql: Stakeholder.selectSQL + " ORDER BY rowid")
    let columns = try ColumnIndexes<StakeholderColumn>(
      statement.columnNames, table: "stakeholders")
    let rows = try Row.fetchCursor(statement)
    var stakeholders: [Stakeholder] = []
    while let row = try rows.next() {
      stakeholders.append(try Stakeholder(stored: row, columns: columns))
    }
    return Stakeholder.current(stakeholders, changes: try stakeholderHistory())
  }

  /// The sequences the last write recorded in the company's ledger.
  func lastBatch(for company: Company.ID) throws -> ClosedRange<Int>? {
    let statement = try db.cachedStatement(
      sql: """
        SELECT first_sequence, last_sequence FROM ledger_batches
        WHERE company_id = ? ORDER BY batch DESC LIMIT 1
        """)
    guard let row = try Row.fetchOne(statement, arguments: [company.rawValue]) else { return nil }
    let first: Int = row[0]
    let last: Int = row[1]
    return first <= last ? first...last : nil
  }

  /// Every change to a stakeholder, in recording order.
  func stakeholderHistory() throws -> [StakeholderChange] {
    let rows = try Row.fetchCursor(db.cachedStatement(sql: StakeholderChange.selectSQL))
    var changes: [StakeholderChange] = []
    while let row = try rows.next() { changes.append(try StakeholderChange(stored: row)) }
    return changes
  }

  /// The company with this id, or `WorkspaceError.unknownCompany`.
  func company(_ id: Company.ID) throws -> Company {
    let statement = try db.cachedStatement(sql: Company.selectSQL + " WHERE id = ?")
    if let row = try Row.fetchOne(statement, arguments: [id.rawValue]) {
      return try Company(stored: row)
    }
    throw WorkspaceError.unknownCompany(id.rawValue, known: try companies().map(\.name).sorted())
  }

  /// A company's ledger over the given stakeholders (the workspace's).
  func savedRounds(for id: Company.ID) throws -> [SavedRound] {
    var rounds: [SavedRound] = []
    let cursor = try Row.fetchCursor(db, sql: SavedRound.selectSQL, arguments: [id.rawValue])
    while let row = try cursor.next() { rounds.append(try SavedRound(row: row)) }
    return rounds
  }

  /// A company's control records, in recording order.
  ///
  /// The statement is cached on the connection: a portfolio report asks for every company's.
  func controlRecords(for id: Company.ID) throws -> [ControlRecord] {
    try Row.fetchAll(db.cachedStatement(sql: ControlRecord.selectSQL), arguments: [id.rawValue])
      .map { try ControlRecord(stored: $0) }
  }

  /// Every compute token and price mark.
  func tokenMarket() throws -> TokenMarket {
    var tokens: [ComputeToken] = []
    let tokenRows = try Row.fetchCursor(db.cachedStatement(sql: ComputeToken.selectSQL))
    while let row = try tokenRows.next() { tokens.append(try ComputeToken(stored: row)) }
    var marks: [TokenPriceMark] = []
    let markRows = try Row.fetchCursor(db.cachedStatement(sql: TokenPriceMark.selectSQL))
    while let row = try markRows.next() { marks.append(try TokenPriceMark(stored: row)) }
    return TokenMarket(tokens: tokens, prices: marks)
  }

  func ledger(for id: Company.ID, stakeholders: [Stakeholder]) throws -> Ledger {
    let company = try company(id)
    let arguments: StatementArguments = [id.rawValue]

    var classes: [ShareClass] = []
    let classRows = try Row.fetchCursor(
      db.cachedStatement(sql: ShareClass.selectSQL), arguments: arguments)
    while let row = try classRows.next() { classes.append(try ShareClass(stored: row)) }

    var plans: [StockPlan] = []
    let planRows = try Row.fetchCursor(
      db.cachedStatement(sql: StockPlan.selectSQL), arguments: arguments)
    while let row = try planRows.next() { plans.append(try StockPlan(stored: row)) }

    // Sequences run 1, 2, 3... per company: the highest is the count, found in the index.
    let highest = try Int.fetchOne(
      db.cachedStatement(sql: "SELECT max(sequence) FROM transactions WHERE company_id = ?"),
      arguments: arguments)
    var transactions: [Transaction] = []
    transactions.reserveCapacity(min(highest ?? 0, 10_000_000))
    var cursor = try TransactionCursor(db: db, company: id)
    while let transaction = try cursor.next() { transactions.append(transaction) }

    var ledger = Ledger(
      company: company, stakeholders: stakeholders, classes: classes, plans: plans,
      transactions: transactions)
    ledger.snapshots = try snapshots(for: id)
    return ledger
  }
}

/// Writes what a `WorkspaceDraft` added, through one database connection.
struct WorkspaceWriter {
  let db: Database

  /// Inserts every change, in dependency order: companies, stakeholders, classes, plans,
  /// transactions.
  func insert(_ changes: WorkspaceChanges, audit: [AuditRecord] = []) throws {
    try insert(changes.companies, sql: Company.insertSQL) { $0.storedValues }
    try insert(changes.stakeholders, sql: Stakeholder.insertSQL) { $0.storedValues }
    try insert(changes.stakeholderChanges, sql: StakeholderChange.insertSQL) { $0.storedValues }
    try insert(changes.classes, sql: ShareClass.insertSQL) {
      $0.item.storedValues(company: $0.company)
    }
    try insert(changes.plans, sql: StockPlan.insertSQL) {
      $0.item.storedValues(company: $0.company)
    }
    if !changes.transactions.isEmpty {
      var inserter = try TransactionInserter(db: db)
      let auditIDs = audit.idsByCompany
      for entry in changes.transactions {
        try inserter.insert(
          entry.item, company: entry.company, audit: changes.auditID(of: entry, made: auditIDs))
      }
      let batch = try db.cachedStatement(
        sql:
          "INSERT INTO ledger_batches (company_id, first_sequence, last_sequence) VALUES (?, ?, ?)")
      for entry in changes.batches {
        try batch.execute(
          arguments: [
            entry.company.rawValue, entry.sequences.lowerBound, entry.sequences.upperBound,
          ])
      }
    }
    try insert(changes.tokens, sql: ComputeToken.insertSQL) { $0.storedValues }
    try insert(changes.tokenPrices, sql: TokenPriceMark.insertSQL) { $0.storedValues }
    let statement = try db.cachedStatement(sql: SavedRound.insertSQL)
    for round in changes.rounds {
      try statement.execute(arguments: try round.item.storedValues(company: round.company))
    }
    try insert(changes.valuations, sql: ShareValuation.insertSQL) {
      $0.item.storedValues(company: $0.company)
    }
    try insert(changes.controlRecords, sql: ControlRecord.insertSQL) {
      try $0.item.storedValues(company: $0.company)
    }
    try insert(changes.tokenCosts, sql: TokenCostMark.insertSQL) { $0.storedValues }
  }

  private func insert<Item>(
    _ items: [Item], sql: String, values: (Item) throws -> StatementArguments
  ) throws {
    guard !items.isEmpty else { return }
    let statement = try db.cachedStatement(sql: sql)
    for item in items {
      try statement.execute(arguments: values(item))
    }
  }
}
