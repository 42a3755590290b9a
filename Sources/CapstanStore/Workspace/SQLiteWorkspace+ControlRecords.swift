import CapstanModel
import GRDB

extension SQLiteWorkspace {
  /// A company's control records, in the order recorded.
  public func controlRecords(for company: Company.ID) throws -> [ControlRecord] {
    try translatingDatabaseErrors {
      try queue.read { db in try WorkspaceReader(db: db).controlRecords(for: company) }
    }
  }
}
