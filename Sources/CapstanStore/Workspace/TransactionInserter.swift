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
    statement = try db.cachedStatement(sql: Transaction.insertSQL)
  }

  /// Inserts one transaction of `company`.
  mutating func insert(_ transaction: Transaction, company: Company.ID) throws {
    record.clear()
    try transaction.fill(&record, memo: &memo)
    let handle = statement.sqliteStatement
    defer { sqlite3_reset(handle) }
    try Self.bind(company.rawValue.databaseValue, at: 1, in: handle)
    for (offset, value) in record.values.enumerated() {
      try Self.bind(value, at: Int32(offset + 2), in: handle)
    }
    let code = sqlite3_step(handle)
    guard code == SQLITE_DONE else { throw Self.failure(code, handle, sql: statement.sql) }
  }

  /// SQLite copies the bytes of text it is given (the `SQLITE_TRANSIENT` destructor).
  private static let transient = unsafeBitCast(
    OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

  private static func bind(_ value: DatabaseValue, at index: Int32, in handle: OpaquePointer)
    throws
  {
    let code: Int32
    switch value.storage {
    case .null: code = sqlite3_bind_null(handle, index)
    case .int64(let number): code = sqlite3_bind_int64(handle, index, number)
    case .double(let number): code = sqlite3_bind_double(handle, index, number)
    case .string(var text):
      code = text.withUTF8 { bytes in
        guard let base = bytes.baseAddress else {
          return sqlite3_bind_text(handle, index, "", 0, transient)
        }
        return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
          sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient)
        }
      }
    case .blob(let data):
      code = data.withUnsafeBytes { bytes in
        sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), transient)
      }
    }
    guard code == SQLITE_OK else { throw failure(code, handle, sql: nil) }
  }

  private static func failure(_ code: Int32, _ handle: OpaquePointer, sql: String?)
    -> DatabaseError
  {
    let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map {
      String(cString: $0)
    }
    return DatabaseError(
      resultCode: ResultCode(rawValue: code), message: message, sql: sql)
  }
}
