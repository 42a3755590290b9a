import GRDB

#if canImport(GRDBSQLite)
  import GRDBSQLite
#else
  import SQLite3
#endif

/// Raw SQLite statement helpers for the hot paths that bypass GRDB's row and argument objects
/// (inserting and reading a ledger's transactions).
enum RawStatement {
  /// SQLite copies the bytes of text it is given (the `SQLITE_TRANSIENT` destructor).
  static let transient = unsafeBitCast(
    OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

  /// Binds `value` to parameter `index` (1-based), copying text and blobs.
  static func bind(_ value: DatabaseValue, at index: Int32, in handle: OpaquePointer)
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

  /// The GRDB error for SQLite result `code` on the statement, with SQLite's message.
  static func failure(_ code: Int32, _ handle: OpaquePointer, sql: String?)
    -> DatabaseError
  {
    let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map {
      String(cString: $0)
    }
    return DatabaseError(
      resultCode: ResultCode(rawValue: code), message: message, sql: sql)
  }
}
