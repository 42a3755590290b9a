import CapstanModel
import GRDB

extension SQLiteWorkspace {
  /// What each `round close` of the company recorded, in recording order.
  public func roundClosings(for company: Company.ID) throws -> [RoundCloseRecord] {
    try translatingDatabaseErrors {
      try queue.read { db in
        try Row.fetchAll(db, sql: RoundCloseRecord.selectSQL, arguments: [company.rawValue])
          .map { try RoundCloseRecord(row: $0) }
      }
    }
  }
}

extension WorkspaceWriter {
  /// Inserts a write's round closings (inside its transaction).
  func insertRoundClosings(_ changes: WorkspaceChanges) throws {
    guard !changes.roundClosings.isEmpty else { return }
    let statement = try db.cachedStatement(sql: RoundCloseRecord.insertSQL)
    for entry in changes.roundClosings {
      try statement.execute(arguments: try entry.item.storedValues(company: entry.company))
    }
  }
}
