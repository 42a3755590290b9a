/// The PostgreSQL store's seventh step (the SQLite store's `v18-audit-pointer`): every ledger
/// row a write records keeps the id of that write's audit record, set in the INSERT (the
/// table still refuses UPDATE and DELETE). Rows recorded before it keep NULL. An index finds
/// a company's latest audit record at once (the server's cache key).
enum SchemaV7AuditPointer {
  /// The step's identifier in `capstan_migrations`.
  static let identifier = "v7-audit-pointer"

  /// The column.
  static var statements: [String] {
    [
      "ALTER TABLE transactions ADD COLUMN audit_id text",
      "CREATE INDEX audit_records_company ON audit_records (company_id, position)",
    ]
  }
}
