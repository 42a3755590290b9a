import CapstanModel
import Foundation
import GRDB

extension ControlRecord {
  static let selectSQL =
    "SELECT sequence, body FROM control_records WHERE company_id = ? ORDER BY sequence"

  /// Inserts with the next sequence of the company (1, 2, 3...).
  static let insertSQL = """
    INSERT INTO control_records (company_id, sequence, date, body)
    VALUES (?1, (SELECT coalesce(max(sequence), 0) + 1 FROM control_records WHERE company_id = ?1),
      ?2, ?3)
    """

  /// The values of `insertSQL`: the record as JSON with sorted keys.
  func storedValues(company: Company.ID) throws -> StatementArguments {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let body = String(decoding: try encoder.encode(self), as: UTF8.self)
    return [company.rawValue, date.iso, body]
  }

  /// A record from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let body: String = row["body"] ?? ""
    do {
      self = try JSONDecoder().decode(ControlRecord.self, from: Data(body.utf8))
    } catch {
      throw StoreError.unreadableRow(
        table: "control_records", key: String(row["sequence"] ?? 0),
        problem: "has a record that cannot be read")
    }
  }
}
