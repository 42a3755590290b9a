import CapstanModel
import GRDB

/// One fetched row, read by column index; every failure names the table, the row and the
/// column, so a damaged or newer file gives a sentence rather than a crash.
struct StoredRow {
  /// The row, as the statement's cursor holds it (not copied).
  let row: Row
  /// The table, for messages.
  let table: String
  /// The column whose value names the row in messages.
  let keyIndex: Int

  /// The row's key, for messages: its key column's text, or `?`.
  var key: String {
    (try? row.decode(String?.self, atIndex: keyIndex)).flatMap { $0 } ?? "?"
  }

  /// An error about this row.
  func failure(_ problem: String) -> StoreError {
    .unreadableRow(table: table, key: key, problem: problem)
  }

  private func name(_ column: Int) -> String {
    row.columnNames.dropFirst(column).first ?? "#\(column)"
  }

  /// Text, or nil when NULL.
  func optionalText(_ column: Int) throws(StoreError) -> String? {
    do {
      return try row.decode(String?.self, atIndex: column)
    } catch {
      throw failure("has an unreadable \(name(column)) (\(error))")
    }
  }

  /// Text that must be there.
  func text(_ column: Int) throws(StoreError) -> String {
    guard let value = try optionalText(column) else { throw failure("has no \(name(column))") }
    return value
  }

  /// An integer, or nil when NULL.
  func optionalInteger(_ column: Int) throws(StoreError) -> Int64? {
    do {
      return try row.decode(Int64?.self, atIndex: column)
    } catch {
      throw failure("has an unreadable \(name(column)) (\(error))")
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
    try row.hasNull(atIndex: column) ? nil : int(column)
  }

  /// A share count that must be there.
  func shares(_ column: Int) throws(StoreError) -> Shares { Shares(try integer(column)) }

  /// An exact number (`0.0001`, `1/3`), or nil when NULL.
  func optionalRatio(_ column: Int) throws(StoreError) -> Ratio? {
    guard let text = try optionalText(column) else { return nil }
    guard let value = Ratio(storedText: text) else {
      throw failure("has \(name(column)) '\(text)', not an exact number")
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
