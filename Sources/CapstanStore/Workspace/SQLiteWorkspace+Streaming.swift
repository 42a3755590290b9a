import CapstanModel
import GRDB

extension SQLiteWorkspace {
  /// Adds a new company whose ledger is streamed straight into its table: each event is
  /// inserted as it arrives (nothing holds the whole ledger), then the rows are read back in
  /// replay order and replayed, and the transaction commits only when that passes.
  ///
  /// Memory is the replayed snapshot, not the ledger: a large import's events are never all in
  /// memory at once.
  public func importStreaming<Context>(
    dryRun: Bool,
    header: (inout WorkspaceDraft) throws -> (company: Company.ID, context: Context),
    transactions: (Context, _ append: (CalendarDate, LedgerEvent) throws -> Void) throws -> Void
  ) throws -> Context {
    try queue.writeWithoutTransaction { db in
      // The rows' foreign keys are checked in memory as they are inserted (`KnownReferences`):
      // SQLite's check is two index lookups per row. The pragma does nothing inside a
      // transaction, so it is set around it.
      try translatingDatabaseErrors { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
      defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
      try translatingDatabaseErrors { try db.beginTransaction(.immediate) }
      do {
        let context = try Self.importStreaming(db, header: header, transactions: transactions)
        try translatingDatabaseErrors { try dryRun ? db.rollback() : db.commit() }
        return context
      } catch {
        if db.isInsideTransaction { try? db.rollback() }
        throw error
      }
    }
  }

  /// The body of `importStreaming`, inside its transaction.
  private static func importStreaming<Context>(
    _ db: Database,
    header: (inout WorkspaceDraft) throws -> (company: Company.ID, context: Context),
    transactions: (Context, _ append: (CalendarDate, LedgerEvent) throws -> Void) throws -> Void
  ) throws -> Context {
    let (company, context, ledger) = try writeHeader(db, header)

    // Reading the file and inserting its rows overlap: the producer (the caller's
    // `transactions`) runs here, the inserts on a second thread.
    let inserts = BackgroundInserts(
      inserter: try translatingDatabaseErrors { try TransactionInserter(db: db) },
      company: company, known: KnownReferences(ledger))
    var capacity = SecurityCapacity()
    var sequence = 0
    var batch: [Transaction] = []
    batch.reserveCapacity(Self.batchSize)
    do {
      try transactions(context) { date, event in
        sequence += 1
        capacity.count(event)
        batch.append(Transaction(sequence: sequence, date: date, event: event))
        if batch.count == Self.batchSize {
          try inserts.submit(batch)
          batch.removeAll(keepingCapacity: true)
        }
      }
      try inserts.submit(batch)
    } catch {
      inserts.stop()
      throw error
    }
    try translatingDatabaseErrors { try inserts.finish() }

    var replay = LedgerReplay(
      company: ledger.company, stakeholders: ledger.stakeholders, classes: ledger.classes,
      plans: ledger.plans)
    replay.reserveCapacity(capacity)
    try translatingDatabaseErrors {
      var memo = TransactionMemo()
      let rows = try Row.fetchCursor(
        db.cachedStatement(sql: Transaction.selectSQL), arguments: [company.rawValue])
      while let row = try rows.next() {
        try replay.apply(try Transaction(stored: row, memo: &memo))
      }
    }
    _ = try replay.finish()
    return context
  }

  /// Transactions handed to the inserting thread at a time.
  private static let batchSize = 1024

  /// Runs `header` on a draft and writes what it added; returns the company, the header's
  /// context and the company's (empty) ledger. The draft is gone before the transactions come.
  private static func writeHeader<Context>(
    _ db: Database,
    _ header: (inout WorkspaceDraft) throws -> (company: Company.ID, context: Context)
  ) throws -> (Company.ID, Context, Ledger) {
    var draft = try draft(db)
    let (company, context) = try header(&draft)
    let ledger = try draft.ledger(for: company)
    guard ledger.transactions.isEmpty, draft.deferredChecks.isEmpty else {
      throw StreamedImportError.companyNotNew(company)
    }
    try translatingDatabaseErrors { try WorkspaceWriter(db: db).insert(draft.changes) }
    return (company, context, ledger)
  }
}
