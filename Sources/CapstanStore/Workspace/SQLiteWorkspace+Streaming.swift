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
    try writer().writeWithoutTransaction { db in
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
    // `transactions`) runs here and turns each transaction into its row's values; the rows
    // are inserted on a second thread.
    let inserter = try translatingDatabaseErrors { try TransactionInserter(db: db) }
    var audit = AuditRecord(.commandLine(), company: company, sequences: nil)
    let auditID = audit.id
    let inserts = BatchPipe<[DatabaseValue]> { values in
      let width = TransactionColumn.allCases.count
      var start = values.startIndex
      while start < values.endIndex {
        try inserter.insert(
          values: values[start..<start + width], company: company, audit: auditID)
        start += width
      }
    }
    var rows = TransactionRows(checking: KnownReferences(ledger), capacity: Self.batchSize)
    var capacity = SecurityCapacity()
    var sequence = 0
    var voided: Set<Int> = []
    var amendsAdoption = false
    do {
      try transactions(context) { date, event in
        sequence += 1
        if case .void(let voiding) = event { voided.insert(voiding.transaction) }
        if event.amendsAdoption { amendsAdoption = true }
        capacity.count(event)
        try rows.append(Transaction(sequence: sequence, date: date, event: event))
        if rows.count == Self.batchSize { try inserts.submit(rows.take()) }
      }
      try inserts.submit(rows.take())
    } catch {
      inserts.stop()
      throw error
    }
    try translatingDatabaseErrors { try inserts.finish() }
    // The import is one command: its batch lets `capstan undo` void it like any other write.
    if sequence > 0 {
      try translatingDatabaseErrors {
        try db.execute(
          sql: """
            INSERT INTO ledger_batches (company_id, first_sequence, last_sequence)
            VALUES (?, ?, ?)
            """,
          arguments: [company.rawValue, 1, sequence])
      }
    }
    try translatingDatabaseErrors {
      audit.sequences = sequence > 0 ? 1...sequence : nil
      try WorkspaceWriter(db: db).insertAudit([audit])
    }

    // The rows read back in replay order, decoded here and replayed on the second thread.
    let replay = ReplayBox(
      LedgerReplay(
        company: ledger.company, stakeholders: ledger.stakeholders, classes: ledger.classes,
        plans: ledger.plans))
    replay.replay.reserveCapacity(capacity)
    replay.replay.voided = voided
    replay.replay.reschedulesAdoptions = amendsAdoption
    let replays = BatchPipe<[Transaction]> { batch in
      for transaction in batch { try replay.replay.apply(transaction) }
    }
    do {
      try translatingDatabaseErrors {
        var batch: [Transaction] = []
        batch.reserveCapacity(Self.batchSize)
        var cursor = try TransactionCursor(db: db, company: company)
        while let transaction = try cursor.next() {
          batch.append(transaction)
          if batch.count == Self.batchSize {
            try replays.submit(batch)
            batch.removeAll(keepingCapacity: true)
          }
        }
        try replays.submit(batch)
      }
    } catch {
      replays.stop()
      throw error
    }
    try replays.finish()
    _ = try replay.replay.finish()
    // A plan's adoption date amended: views before the amendment adopt the plan on the old
    // date, views after it on the new one; the one replay above cannot be both, so the ledger
    // is read back whole and checked as every view sees it (rare: a file that amends one).
    if amendsAdoption {
      let reader = WorkspaceReader(db: db)
      _ = try reader.ledger(for: company, stakeholders: try reader.stakeholders())
        .checkEveryView()
    }
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
    guard ledger.transactions.isEmpty else {
      throw StreamedImportError.companyNotNew(company)
    }
    try translatingDatabaseErrors { try WorkspaceWriter(db: db).insert(draft.changes) }
    return (company, context, ledger)
  }
}

/// A replay owned by the thread that runs it (handed over whole: `BatchPipe.finish()` waits
/// for that thread before the owner reads it again).
private final class ReplayBox: @unchecked Sendable {
  var replay: LedgerReplay
  init(_ replay: LedgerReplay) { self.replay = replay }
}
