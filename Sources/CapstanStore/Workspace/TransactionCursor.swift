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
  private var done = false

  /// A cursor over `company`'s transactions on `db`'s cached select statement.
  init(db: Database, company: Company.ID) throws {
    statement = try db.cachedStatement(sql: Transaction.selectSQL)
    let handle = statement.sqliteStatement
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    var id = company.rawValue
    let code = id.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) {
        sqlite3_bind_text(handle, 1, $0.baseAddress, Int32($0.count), Self.transient)
      }
    }
    guard code == SQLITE_OK else { throw Self.failure(code, handle, sql: statement.sql) }
  }

  /// The next transaction, or nil after the last (the statement is then reset).
  mutating func next() throws -> Transaction? {
    guard !done else { return nil }
    let handle = statement.sqliteStatement
    switch sqlite3_step(handle) {
    case SQLITE_ROW:
      let row = StoredRow(
        statement: handle, table: "transactions", keyIndex: TransactionColumn.sequence.rawValue)
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
      let error = Self.failure(code, handle, sql: statement.sql)
      sqlite3_reset(handle)
      throw error
    }
  }

  /// SQLite copies the bytes of text it is given (the `SQLITE_TRANSIENT` destructor).
  private static let transient = unsafeBitCast(
    OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

  private static func failure(_ code: Int32, _ handle: OpaquePointer, sql: String?)
    -> DatabaseError
  {
    let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map {
      String(cString: $0)
    }
    return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
  }
}
