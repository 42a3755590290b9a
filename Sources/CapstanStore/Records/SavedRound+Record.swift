import CapstanModel
import Foundation
import GRDB

extension SavedRound {
  static let insertSQL =
    "INSERT INTO saved_rounds (company_id, name, closing, body) VALUES (?, ?, ?, ?)"
  static let selectSQL =
    "SELECT name, closing, body FROM saved_rounds WHERE company_id = ? ORDER BY closing, name"

  /// The values of one row.
  func storedValues(company: Company.ID) throws -> StatementArguments {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let body = String(decoding: try encoder.encode(self), as: UTF8.self)
    return [company.rawValue, name, closing.iso, body]
  }

  /// A saved round from its row.
  init(row: Row) throws(StoreError) {
    let body: String = row["body"] ?? ""
    do {
      self = try JSONDecoder().decode(SavedRound.self, from: Data(body.utf8))
    } catch {
      throw StoreError.unreadableRow(
        table: "saved_rounds", key: row["name"] ?? "?", problem: "has terms that cannot be read")
    }
  }
}
