import CapstanModel
import GRDB

extension SQLiteWorkspace {
  /// Each of the company's transactions' audit record id, by sequence (rows from before
  /// `v18-audit-pointer` have none).
  public func transactionAuditIDs(for company: Company.ID) throws -> [Int: String] {
    try translatingDatabaseErrors {
      try queue.read { db in
        guard try db.columns(in: "transactions").contains(where: { $0.name == "audit_id" })
        else { return [:] }
        var ids: [Int: String] = [:]
        let rows = try Row.fetchCursor(
          db,
          sql: """
            SELECT sequence, audit_id FROM transactions
            WHERE company_id = ? AND audit_id IS NOT NULL
            """,
          arguments: [company.rawValue])
        while let row = try rows.next() { ids[row[0]] = row[1] }
        return ids
      }
    }
  }

  /// The position of the latest audit record of the company or of no company (0: none).
  public func latestAuditPosition(for company: Company.ID) throws -> Int {
    try translatingDatabaseErrors {
      try queue.read { db in
        guard try db.tableExists("audit_records") else { return 0 }
        return try Int.fetchOne(
          db,
          sql: """
            SELECT max(coalesce((SELECT max(position) FROM audit_records WHERE company_id = ?), 0),
              coalesce((SELECT max(position) FROM audit_records WHERE company_id IS NULL), 0))
            """,
          arguments: [company.rawValue]) ?? 0
      }
    }
  }
}
