import CapstanModel
import Foundation
import GRDB

extension RoundCloseRecord {
  static let insertSQL = insertStatement(
    table: "round_closings",
    columns: ["company_id", "round", "first_sequence", "last_sequence", "body"])
  static let selectSQL =
    "SELECT round, body FROM round_closings WHERE company_id = ? ORDER BY position"

  /// The values of one row.
  func storedValues(company: Company.ID) throws -> StatementArguments {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let body = String(decoding: try encoder.encode(self), as: UTF8.self)
    return [company.rawValue, round, sequences.lowerBound, sequences.upperBound, body]
  }

  /// A record from its row.
  init(row: Row) throws(StoreError) {
    let body: String = row["body"] ?? ""
    do {
      self = try JSONDecoder().decode(RoundCloseRecord.self, from: Data(body.utf8))
    } catch {
      throw StoreError.unreadableRow(
        table: "round_closings", key: row["round"] ?? "?", problem: "cannot be read")
    }
  }
}
