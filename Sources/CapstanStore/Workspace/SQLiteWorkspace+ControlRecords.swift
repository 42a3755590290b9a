import CapstanModel
import Foundation
import GRDB

extension SQLiteWorkspace: ControlRecordStore {
  /// A company's control records, in the order recorded.
  public func controlRecords(for company: Company.ID) throws -> [ControlRecord] {
    try translatingDatabaseErrors {
      try queue.read { db in
        let rows = try Row.fetchAll(
          db,
          sql: "SELECT sequence, body FROM control_records WHERE company_id = ? ORDER BY sequence",
          arguments: [company.rawValue])
        return try rows.map { row in
          let body: String = row["body"] ?? ""
          do {
            return try JSONDecoder().decode(ControlRecord.self, from: Data(body.utf8))
          } catch {
            throw StoreError.unreadableRow(
              table: "control_records", key: String(row["sequence"] ?? 0),
              problem: "has a record that cannot be read")
          }
        }
      }
    }
  }

  /// Appends one record to a company in one transaction.
  public func append(_ record: ControlRecord, company: Company.ID) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let body = String(decoding: try encoder.encode(record), as: UTF8.self)
    try translatingDatabaseErrors {
      try writer().write { db in
        let next =
          (try Int.fetchOne(
            db, sql: "SELECT MAX(sequence) FROM control_records WHERE company_id = ?",
            arguments: [company.rawValue]) ?? 0) + 1
        try db.execute(
          sql: "INSERT INTO control_records (company_id, sequence, date, body) VALUES (?, ?, ?, ?)",
          arguments: [company.rawValue, next, record.date.iso, body])
      }
    }
  }
}
