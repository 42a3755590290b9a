import CapstanModel
import Foundation
import GRDB

/// The values of one `transactions` row, by column.
struct TransactionRecord {
  var values = [DatabaseValue](repeating: .null, count: TransactionColumn.allCases.count)

  subscript(column: TransactionColumn) -> (any DatabaseValueConvertible)? {
    get { values[column.rawValue] }
    set { values[column.rawValue] = newValue?.databaseValue ?? .null }
  }

  /// Sets every column back to NULL, keeping the storage.
  mutating func clear() {
    for index in values.indices { values[index] = .null }
  }

  /// Sets the four vesting columns, or leaves them NULL when there is no schedule.
  mutating func setVesting(_ vesting: VestingSchedule?, memo: inout StoredTextMemo) {
    guard let vesting else { return }
    self[.vestingStart] = memo.iso(vesting.start)
    self[.vestingTotalMonths] = vesting.totalMonths
    self[.vestingCliffMonths] = vesting.cliffMonths
    self[.vestingFrequencyMonths] = vesting.frequencyMonths
  }
}

/// The last text parsed per column of a ledger being read, and what it gave.
struct TransactionMemo {
  private var entry = Parsed<StoredEventTable.Entry>()
  private var date = Parsed<CalendarDate>()
  private var vestingStart = Parsed<CalendarDate>()
  private var price = Parsed<Ratio>()

  private struct Parsed<Value> {
    var text = ""
    var value: Value?

    mutating func value(
      _ text: String, _ parse: (String) throws(StoreError) -> Value
    ) throws(StoreError) -> Value {
      if text == self.text, let value { return value }
      let parsed = try parse(text)
      (self.text, value) = (text, parsed)
      return parsed
    }
  }

  /// The codec of the row's kind, found by the `kind` column's word (one lookup per new word).
  mutating func entry(_ row: StoredRow) throws(StoreError) -> StoredEventTable.Entry {
    try entry.value(try row.text(.kind)) { text throws(StoreError) in
      guard let entry = StoredEventTable.shared[word: text] else {
        guard let kind = LedgerEvent.Kind(rawValue: text) else {
          throw row.failure("has an unknown kind '\(text)'")
        }
        throw row.failure("has kind '\(kind)', which this version cannot read")
      }
      return entry
    }
  }

  mutating func date(_ row: StoredRow) throws(StoreError) -> CalendarDate {
    try date.value(try row.text(.date)) { text throws(StoreError) in
      try row.parseDate(text, .date)
    }
  }

  mutating func price(_ row: StoredRow) throws(StoreError) -> Ratio {
    try price.value(try row.text(.price)) { text throws(StoreError) in
      guard let value = Ratio(storedText: text) else {
        throw row.failure(
          text.utf8.count > Limits.maximumStoredNumberText
            ? "has price '\(Limits.shown(text))', past Capstan's limit of "
              + "\(Limits.maximumStoredNumberText) characters for a stored number"
            : "has price '\(Limits.shown(text))', not an exact number")
      }
      return value
    }
  }

  mutating func vesting(_ row: StoredRow) throws(StoreError) -> VestingSchedule? {
    guard let text = try row.optionalText(.vestingStart) else { return nil }
    let start = try vestingStart.value(text) { text throws(StoreError) in
      try row.parseDate(text, .vestingStart)
    }
    return VestingSchedule(
      start: start, totalMonths: try row.int(.vestingTotalMonths),
      cliffMonths: try row.int(.vestingCliffMonths),
      frequencyMonths: try row.int(.vestingFrequencyMonths))
  }
}

/// `VestingTerms` as the `vesting_terms` column stores them: JSON with sorted keys.
enum VestingTermsJSON {
  static func encode(_ terms: VestingTerms) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(terms), as: UTF8.self)
  }
}

extension StoredRow {
  func vestingTerms() throws(StoreError) -> VestingTerms? {
    guard let text = try optionalText(index(.vestingTerms)) else { return nil }
    do {
      return try JSONDecoder().decode(VestingTerms.self, from: Data(text.utf8))
    } catch {
      throw failure("has vesting_terms that cannot be read (\(error))")
    }
  }

  /// Where `column` is in this row, found by its name (`columns`).
  func index(_ column: TransactionColumn) -> Int {
    columns[column.rawValue]
  }

  func text(_ column: TransactionColumn) throws(StoreError) -> String {
    try text(index(column))
  }

  func optionalText(_ column: TransactionColumn) throws(StoreError) -> String? {
    try optionalText(index(column))
  }

  func int(_ column: TransactionColumn) throws(StoreError) -> Int {
    try int(index(column))
  }

  func shares(_ column: TransactionColumn) throws(StoreError) -> Shares {
    try shares(index(column))
  }

  func ratio(_ column: TransactionColumn) throws(StoreError) -> Ratio {
    try ratio(index(column))
  }

  func parseDate(_ text: String, _ column: TransactionColumn) throws(StoreError)
    -> CalendarDate
  {
    guard let date = CalendarDate(iso: text) else {
      throw failure("has \(column.name) '\(text)', not a YYYY-MM-DD date")
    }
    return date
  }

  func optionalDate(_ column: TransactionColumn) throws(StoreError) -> CalendarDate? {
    try optionalDate(index(column))
  }

  func security(_ column: TransactionColumn) throws(StoreError) -> SecurityID {
    SecurityID(try text(index(column)))
  }

  func optionalSecurity(_ column: TransactionColumn) throws(StoreError) -> SecurityID? {
    try optionalText(index(column)).map { SecurityID($0) }
  }
}
