import CapstanModel

extension PostgresWorkspace {
  /// Each of the company's transactions' audit record id, by sequence (rows from before
  /// `v7-audit-pointer` have none).
  public func transactionAuditIDs(for company: Company.ID) throws -> [Int: String] {
    try read { reader in
      var ids: [Int: String] = [:]
      let rows = try reader.connection.rows(
        """
        SELECT sequence, audit_id FROM transactions
        WHERE company_id = \(company.rawValue) AND audit_id IS NOT NULL
        """)
      for row in rows {
        let (sequence, id) = try row.decode((Int, String).self)
        ids[sequence] = id
      }
      return ids
    }
  }

  /// The position of the latest audit record of the company or of no company (0: none).
  public func latestAuditPosition(for company: Company.ID) throws -> Int {
    try read { reader in
      let rows = try reader.connection.rows(
        """
        SELECT greatest(
          coalesce((SELECT max(position) FROM audit_records WHERE company_id = \(company.rawValue)),
            0),
          coalesce((SELECT max(position) FROM audit_records WHERE company_id IS NULL), 0))
        """)
      return try rows.first?.decode(Int.self) ?? 0
    }
  }
}
