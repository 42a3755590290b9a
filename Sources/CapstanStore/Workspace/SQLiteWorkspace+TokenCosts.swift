import CapstanModel
import GRDB

extension SQLiteWorkspace {
  /// The workspace's costs to serve, in recording order.
  public func tokenCosts() throws -> [TokenCostMark] {
    try translatingDatabaseErrors {
      try queue.read { db in
        try Row.fetchAll(db, sql: TokenCostMark.selectSQL).map { try TokenCostMark(stored: $0) }
      }
    }
  }
}
