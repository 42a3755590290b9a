import GRDB

/// The schema step `v18-audit-pointer`: every ledger row a write records keeps the id of
/// that write's audit record (`audit_records.id`), set when the row is inserted (the table
/// still refuses UPDATE). Rows recorded before this step keep NULL: no audit record made them.
enum SchemaV18AuditPointer {
  static let identifier = "v18-audit-pointer"

  static func migrate(_ db: Database) throws {
    try db.execute(sql: "ALTER TABLE transactions ADD COLUMN audit_id TEXT")
    try db.execute(
      sql: "CREATE INDEX audit_records_company ON audit_records (company_id, position)")
  }
}
