import CapstanModel
import Foundation
import GRDB

extension OfferChange {
  static let selectSQL =
    "SELECT sequence, body FROM offers WHERE company_id = ? ORDER BY sequence"

  /// Inserts with the next sequence of the company (1, 2, 3...).
  static let insertSQL = """
    INSERT INTO offers (company_id, sequence, name, body)
    VALUES (?1, (SELECT coalesce(max(sequence), 0) + 1 FROM offers WHERE company_id = ?1), ?2, ?3)
    """

  /// The values of `insertSQL`: the change as JSON with sorted keys.
  func storedValues(company: Company.ID) throws -> StatementArguments {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let body = String(decoding: try encoder.encode(self), as: UTF8.self)
    return [company.rawValue, name, body]
  }

  /// A change from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let body: String = row["body"] ?? ""
    do {
      self = try JSONDecoder().decode(OfferChange.self, from: Data(body.utf8))
    } catch {
      throw StoreError.unreadableRow(
        table: "offers", key: String(row["sequence"] ?? 0),
        problem: "has an offer that cannot be read")
    }
  }
}
