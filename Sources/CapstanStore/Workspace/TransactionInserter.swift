import CapstanModel
import GRDB

#if canImport(GRDBSQLite)
  import GRDBSQLite
#else
  import SQLite3
#endif

/// Inserts ledger transactions through one prepared statement, binding each row's values
/// straight to SQLite: no argument array is built per row, and dates and prices repeated from
/// row to row are formatted once. (A large import writes hundreds of thousands of rows.)
struct TransactionInserter {
  private let statement: Statement
  private var record = TransactionRecord()
  private var memo = StoredTextMemo()

  /// An inserter on `db`'s cached insert statement.
  init(db: Database) throws {
    statement = try db.cachedStatement(sql: Transaction.insertWithAuditSQL)
  }

  /// Inserts one transaction of `company`, pointing at the audit record `audit`; with
  /// `known`, first checks in memory the stakeholder, class and plan the row names (for a
  /// connection with foreign keys off).
  mutating func insert(
    _ transaction: Transaction, company: Company.ID, audit: String?,
    checking known: KnownReferences? = nil
  ) throws {
    record.clear()
    try transaction.fill(&record, memo: &memo)
    if let known { try known.check(record, of: transaction) }
    try insert(values: record.values[...], company: company, audit: audit)
  }

  /// Inserts one row of `company` whose column values (`TransactionColumn` order) were
  /// filled already (by `TransactionRows`, on another thread), pointing at `audit`.
  func insert(values: ArraySlice<DatabaseValue>, company: Company.ID, audit: String?) throws {
    let handle = statement.sqliteStatement
    defer { sqlite3_reset(handle) }
    try RawStatement.bind(company.rawValue.databaseValue, at: 1, in: handle)
    var index: Int32 = 2
    for value in values {
      try RawStatement.bind(value, at: index, in: handle)
      index += 1
    }
    try RawStatement.bind(audit?.databaseValue ?? .null, at: index, in: handle)
    let code = sqlite3_step(handle)
    guard code == SQLITE_DONE else { throw RawStatement.failure(code, handle, sql: statement.sql) }
  }
}

/// Transactions turned into rows of column values, many to a flat array: the work of an
/// insert that needs no connection, done by the thread that reads an import file.
struct TransactionRows {
  /// The values of the rows so far, `TransactionColumn.allCases.count` per row.
  private(set) var values: [DatabaseValue] = []
  private var record = TransactionRecord()
  private var memo = StoredTextMemo()
  private let known: KnownReferences

  /// Rows checked against `known`.
  init(checking known: KnownReferences, capacity: Int) {
    self.known = known
    values.reserveCapacity(capacity * TransactionColumn.allCases.count)
  }

  /// How many rows are held.
  var count: Int { values.count / TransactionColumn.allCases.count }

  /// Adds the row of `transaction`, after checking what it names.
  mutating func append(_ transaction: Transaction) throws {
    record.clear()
    try transaction.fill(&record, memo: &memo)
    try known.check(record, of: transaction)
    values.append(contentsOf: record.values)
  }

  /// Hands the rows over and starts empty again (with the same capacity).
  mutating func take() -> [DatabaseValue] {
    let taken = values
    values.removeAll(keepingCapacity: true)
    return taken
  }
}

/// The stakeholders, classes and plans a company's rows may name: the foreign keys of the
/// `transactions` table, checked in memory (a set lookup) instead of by SQLite (two index
/// lookups per row).
struct KnownReferences: Sendable {
  let holders: Set<String>
  let classes: Set<String>
  let plans: Set<String>

  /// The references of `ledger` (its stakeholders are the workspace's).
  init(_ ledger: Ledger) {
    holders = Set(ledger.stakeholders.keys.map(\.rawValue))
    classes = Set(ledger.classes.map(\.id.rawValue))
    plans = Set(ledger.plans.map(\.id.rawValue))
  }

  /// Throws the ledger failure of `transaction` when its row names an unknown id.
  func check(_ record: TransactionRecord, of transaction: Transaction) throws(LedgerFailure) {
    if let id = text(record, .holder), !holders.contains(id) {
      throw LedgerFailure(transaction: transaction, error: .unknownStakeholder(id))
    }
    if let id = text(record, .shareClass), !classes.contains(id) {
      throw LedgerFailure(transaction: transaction, error: .unknownClass(id))
    }
    if let id = text(record, .plan), !plans.contains(id) {
      throw LedgerFailure(transaction: transaction, error: .unknownPlan(id))
    }
  }

  private func text(_ record: TransactionRecord, _ column: TransactionColumn) -> String? {
    if case .string(let text) = record.values[column.rawValue].storage { return text }
    return nil
  }
}
