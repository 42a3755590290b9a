import CapstanModel
import GRDB

extension SQLiteWorkspace {
  /// A company's valuations, in the order recorded.
  public func valuations(for company: Company.ID) throws -> [ShareValuation] {
    try translatingDatabaseErrors {
      try queue.read { db in
        let rows = try Row.fetchAll(
          db, sql: ShareValuation.selectSQL, arguments: [company.rawValue])
        return try rows.map { row in try ShareValuation(stored: row) }
      }
    }
  }
}
