import CapstanModel
import GRDB

#if canImport(GRDBSQLite)
  import GRDBSQLite
#else
  import SQLite3
#endif

/// A company's transactions read in replay order straight from SQLite, one at a time: the
/// rows are stepped on the raw statement and decoded from it (`StoredRow`), without GRDB's
/// row objects. Loading a ledger of 110,000 transactions is most of a cold `capstan table`.
struct TransactionCursor {
  private let statement: Statement
  private var memo = TransactionMemo()
  /// Where each `TransactionColumn` is in the statement's rows, found by its name.
  private let columns: [Int]
  private var done = false

  /// A cursor over `company`'s transactions on `db`'s cached select statement.
  init(db: Database, company: Company.ID) throws {
    statement = try db.cachedStatement(sql: Transaction.selectSQL)
    let handle = statement.sqliteStatement
    columns = try TransactionColumn.indexes(in: handle)
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    try RawStatement.bind(company.rawValue.databaseValue, at: 1, in: handle)
  }

  /// The next transaction, or nil after the last (the statement is then reset).
  mutating func next() throws -> Transaction? {
    guard !done else { return nil }
    let handle = statement.sqliteStatement
    switch sqlite3_step(handle) {
    case SQLITE_ROW:
      var row = StoredRow(
        statement: handle, table: "transactions",
        keyIndex: columns[TransactionColumn.sequence.rawValue])
      row.columns = columns
      do {
        return try Transaction(stored: row, memo: &memo)
      } catch {
        done = true
        sqlite3_reset(handle)
        throw error
      }
    case SQLITE_DONE:
      done = true
      sqlite3_reset(handle)
      return nil
    case let code:
      done = true
      let error = RawStatement.failure(code, handle, sql: statement.sql)
      sqlite3_reset(handle)
      throw error
    }
  }
}
