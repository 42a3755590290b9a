import GRDB

/// The schema step `v16-access`: the workspace's people (users, roles, API tokens' hashes) as
/// append-only changes, and the audit records of every write. Both tables refuse UPDATE and
/// DELETE like the ledger: a user removed is a later change, never a deleted row.
enum SchemaV16Access {
  static let identifier = "v16-access"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE access_changes (
          position INTEGER PRIMARY KEY,
          body TEXT NOT NULL
        ) STRICT
        """)
    try db.execute(
      sql: """
        CREATE TABLE audit_records (
          position INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          at TEXT NOT NULL,
          company_id TEXT,
          body TEXT NOT NULL
        ) STRICT
        """)
    for table in ["access_changes", "audit_records"] {
      for verb in ["UPDATE", "DELETE"] {
        try db.execute(
          sql: """
            CREATE TRIGGER \(table)_no_\(verb.lowercased()) BEFORE \(verb) ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END
            """)
      }
    }
  }
}
