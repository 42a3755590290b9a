import CapstanModel
import GRDB

#if canImport(GRDBSQLite)
  import GRDBSQLite
#else
  import SQLite3
#endif

/// One fetched row, read by column index (found by the column's name: `columns`); every failure names the table, the row and the
/// column, so a damaged or newer file gives a sentence rather than a crash.
///
/// The row is either a GRDB row or the current row of a raw SQLite statement (a ledger's
/// transactions are read that way: a hundred thousand rows and two million values, where
/// GRDB's generic decoding costs more than SQLite's own stepping).
struct StoredRow {
  private enum Source {
    case row(Row)
    case statement(OpaquePointer)
  }

  private let source: Source
  /// The table, for messages.
  let table: String
  /// The column whose value names the row in messages.
  let keyIndex: Int
  /// Where each named column of the table is in the row, when the reader resolved them by
  /// name (`TransactionColumn.indexes(in:)`): the index of the column whose `rawValue` is `i`
  /// is `columns[i]`.
  var columns: [Int] = []

  /// A GRDB row, as the statement's cursor holds it (not copied).
  init(row: Row, table: String, keyIndex: Int) {
    source = .row(row)
    self.table = table
    self.keyIndex = keyIndex
  }

  /// The current row of a raw statement that `sqlite3_step` just returned `SQLITE_ROW` for.
  init(statement: OpaquePointer, table: String, keyIndex: Int) {
    source = .statement(statement)
    self.table = table
    self.keyIndex = keyIndex
  }

  /// The row's key, for messages: its key column's text, or `?`.
  var key: String {
    switch source {
    case .row(let row):
      return (try? row.decode(String?.self, atIndex: keyIndex)).flatMap { $0 } ?? "?"
    case .statement(let handle):
      switch sqlite3_column_type(handle, Int32(keyIndex)) {
      case SQLITE_INTEGER: return String(sqlite3_column_int64(handle, Int32(keyIndex)))
      case SQLITE_TEXT: return (try? optionalText(keyIndex)).flatMap { $0 } ?? "?"
      default: return "?"
      }
    }
  }

  /// An error about this row.
  func failure(_ problem: String) -> StoreError {
    .unreadableRow(table: table, key: key, problem: problem)
  }

  private func name(_ column: Int) -> String {
    switch source {
    case .row(let row): return row.columnNames.dropFirst(column).first ?? "#\(column)"
    case .statement(let handle):
      return sqlite3_column_name(handle, Int32(column)).map { String(cString: $0) } ?? "#\(column)"
    }
  }

  /// Where the column named `name` is in this row (a small table's reader resolves it per
  /// value; `transactions` resolves its columns once per statement, `columns`).
  func index(named name: String) throws(StoreError) -> Int {
    switch source {
    case .row(let row):
      for (index, column) in row.columnNames.enumerated() where column == name { return index }
    case .statement(let handle):
      for index in 0..<Int(sqlite3_column_count(handle)) {
        if let column = sqlite3_column_name(handle, Int32(index)),
          String(cString: column) == name
        {
          return index
        }
      }
    }
    throw failure("has no column \(name)")
  }

  /// Whether the column is NULL.
  func isNull(_ column: Int) -> Bool {
    switch source {
    case .row(let row): return row.hasNull(atIndex: column)
    case .statement(let handle): return sqlite3_column_type(handle, Int32(column)) == SQLITE_NULL
    }
  }

  /// Text, or nil when NULL.
  func optionalText(_ column: Int) throws(StoreError) -> String? {
    switch source {
    case .row(let row):
      do {
        return try row.decode(String?.self, atIndex: column)
      } catch {
        throw failure("has an unreadable \(name(column)) (\(error))")
      }
    case .statement(let handle):
      let index = Int32(column)
      switch sqlite3_column_type(handle, index) {
      case SQLITE_NULL: return nil
      case SQLITE_TEXT:
        let count = Int(sqlite3_column_bytes(handle, index))
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
      default: throw failure("has an unreadable \(name(column)) (not text)")
      }
    }
  }

  /// Text that must be there.
  func text(_ column: Int) throws(StoreError) -> String {
    guard let value = try optionalText(column) else { throw failure("has no \(name(column))") }
    return value
  }

  /// An integer, or nil when NULL.
  func optionalInteger(_ column: Int) throws(StoreError) -> Int64? {
    switch source {
    case .row(let row):
      do {
        return try row.decode(Int64?.self, atIndex: column)
      } catch {
        throw failure("has an unreadable \(name(column)) (\(error))")
      }
    case .statement(let handle):
      let index = Int32(column)
      switch sqlite3_column_type(handle, index) {
      case SQLITE_NULL: return nil
      case SQLITE_INTEGER: return sqlite3_column_int64(handle, index)
      default: throw failure("has an unreadable \(name(column)) (not an integer)")
      }
    }
  }

  /// An integer that must be there.
  func integer(_ column: Int) throws(StoreError) -> Int64 {
    guard let value = try optionalInteger(column) else { throw failure("has no \(name(column))") }
    return value
  }

  /// An `Int` that must be there.
  func int(_ column: Int) throws(StoreError) -> Int {
    let value = try integer(column)
    guard let small = Int(exactly: value) else {
      throw failure("has \(name(column)) \(value), out of range")
    }
    return small
  }

  /// An `Int`, or nil when NULL.
  func optionalInt(_ column: Int) throws(StoreError) -> Int? {
    isNull(column) ? nil : try int(column)
  }

  /// A share count that must be there.
  func shares(_ column: Int) throws(StoreError) -> Shares { Shares(try integer(column)) }

  /// An exact number (`0.0001`, `1/3`), or nil when NULL.
  func optionalRatio(_ column: Int) throws(StoreError) -> Ratio? {
    guard let text = try optionalText(column) else { return nil }
    guard let value = Ratio(storedText: text) else {
      if text.utf8.count > Limits.maximumStoredNumberText {
        throw failure(
          "has \(name(column)) '\(Limits.shown(text))', past Capstan's limit of "
            + "\(Limits.maximumStoredNumberText) characters for a stored number")
      }
      throw failure("has \(name(column)) '\(Limits.shown(text))', not an exact number")
    }
    return value
  }

  /// An exact number that must be there.
  func ratio(_ column: Int) throws(StoreError) -> Ratio {
    guard let value = try optionalRatio(column) else { throw failure("has no \(name(column))") }
    return value
  }

  /// A `YYYY-MM-DD` date, or nil when NULL.
  func optionalDate(_ column: Int) throws(StoreError) -> CalendarDate? {
    guard let text = try optionalText(column) else { return nil }
    guard let date = CalendarDate(iso: text) else {
      throw failure("has \(name(column)) '\(text)', not a YYYY-MM-DD date")
    }
    return date
  }

  /// A date that must be there.
  func date(_ column: Int) throws(StoreError) -> CalendarDate {
    guard let value = try optionalDate(column) else { throw failure("has no \(name(column))") }
    return value
  }

  /// A value of a text-coded enum that must be there.
  func value<T: RawRepresentable>(_ type: T.Type, _ column: Int) throws(StoreError) -> T
  where T.RawValue == String {
    let raw = try text(column)
    guard let value = T(rawValue: raw) else {
      throw failure("has an unknown \(name(column)) '\(raw)'")
    }
    return value
  }
}
