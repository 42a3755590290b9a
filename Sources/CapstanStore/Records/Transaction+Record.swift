import CapstanModel
import Foundation
import GRDB

#if canImport(GRDBSQLite)
  import GRDBSQLite
#else
  import SQLite3
#endif

/// The columns of `transactions` after `company_id`: written in this order, read by name.
///
/// Each event kind fills the typed columns its payload needs and leaves the others NULL;
/// `extra` (JSON) is kept free for event kinds to come. An exercise whose stock is recorded
/// (`Exercise.issuedStock`) keeps that stock's holder, class and price in `holder_id`,
/// `class_id` and `price`, and its quantity in `new_total`. `custom_id` is the id people know
/// the security the event creates by (for a transfer, the transferee's); `balance_custom_id`
/// that of the balance security a transfer, cancellation or repurchase leaves.
enum TransactionColumn: Int, CaseIterable {
  case sequence, date, kind, security, holder, shareClass, plan, quantity, price
  case vestingStart, vestingTotalMonths, vestingCliffMonths, vestingFrequencyMonths, expires
  case resultingSecurity, balanceSecurity, ratio, newTotal, reason, extra
  case vestingTerms, customID, balanceCustomID

  /// The SQL column name.
  var name: String {
    switch self {
    case .sequence: "sequence"
    case .date: "date"
    case .kind: "kind"
    case .security: "security"
    case .holder: "holder_id"
    case .shareClass: "class_id"
    case .plan: "plan_id"
    case .quantity: "quantity"
    case .price: "price"
    case .vestingStart: "vesting_start"
    case .vestingTotalMonths: "vesting_total_months"
    case .vestingCliffMonths: "vesting_cliff_months"
    case .vestingFrequencyMonths: "vesting_frequency_months"
    case .expires: "expires"
    case .resultingSecurity: "resulting_security"
    case .balanceSecurity: "balance_security"
    case .ratio: "ratio"
    case .newTotal: "new_total"
    case .reason: "reason"
    case .extra: "extra"
    case .vestingTerms: "vesting_terms"
    case .customID: "custom_id"
    case .balanceCustomID: "balance_custom_id"
    }
  }
}

extension TransactionColumn {
  /// Where each column is among a statement's result columns, found by name (by `rawValue`).
  static func indexes(in statement: OpaquePointer) throws -> [Int] {
    var found: [String: Int] = [:]
    for index in 0..<Int(sqlite3_column_count(statement)) {
      if let name = sqlite3_column_name(statement, Int32(index)) {
        found[String(cString: name)] = index
      }
    }
    return try allCases.map { column in
      guard let index = found[column.name] else {
        throw WorkspaceError.storage("the transactions query has no column \(column.name)")
      }
      return index
    }
  }
}

extension Transaction {
  private static let columnList = TransactionColumn.allCases.map(\.name).joined(separator: ", ")

  /// A company's transactions in replay order (a range scan of the table's clustered key).
  static let selectSQL = """
    SELECT \(columnList) FROM transactions WHERE company_id = ? ORDER BY date, sequence
    """

  static let insertSQL = insertStatement(
    table: "transactions", columns: ["company_id"] + TransactionColumn.allCases.map(\.name))

  /// `insertSQL` with the row's audit pointer (`audit_id`, schema `v18-audit-pointer`) last.
  static let insertWithAuditSQL = insertStatement(
    table: "transactions",
    columns: ["company_id"] + TransactionColumn.allCases.map(\.name) + ["audit_id"])

  /// The values of `company_id` and every `TransactionColumn`.
  func storedValues(company: Company.ID) throws -> StatementArguments {
    var record = TransactionRecord()
    var memo = StoredTextMemo()
    try fill(&record, memo: &memo)
    return StatementArguments([company.rawValue.databaseValue] + record.values)
  }

  /// Sets every column of `record` (which must be all NULL) to this transaction's values;
  /// `memo` formats repeated dates and prices once.
  func fill(_ record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.sequence] = sequence
    record[.date] = memo.iso(date)
    record[.kind] = event.kind.rawValue
    record[.customID] = event.customID?.customID
    record[.balanceCustomID] = event.balanceCustomID?.customID
    guard let entry = StoredEventTable.shared[event.kind] else {
      throw WorkspaceError.storage("no stored form for a \(event.kind) event")
    }
    try entry.write(event, &record, &memo)
  }

  /// A transaction from a stored row of `selectSQL` (its columns found by name: `row.columns`),
  /// decoded by the codec of its kind (`StoredEventTable`).
  ///
  /// `memo` keeps the last date and price parsed per column: rows come in date order and
  /// many share a date or a price, so most rows skip those parses.
  init(stored row: StoredRow, memo: inout TransactionMemo) throws(StoreError) {
    let entry = try memo.entry(row)
    let event = try entry.read(row, &memo)
    self.init(
      sequence: try row.int(.sequence), date: try memo.date(row),
      event: event.withCustomID(try row.optionalText(.customID))
        .withBalanceCustomID(try row.optionalText(.balanceCustomID)))
  }
}
