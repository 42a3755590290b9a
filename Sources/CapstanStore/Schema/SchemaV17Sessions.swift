import GRDB

/// The schema step `v17-sessions`: the team server's browser sessions, by the SHA-256 of
/// their id (never the id). Unlike the people's changes, a row is updated when its user signs
/// out and deleted once expired: a session is a key, not a record (sign-ins and password
/// changes are audited through `access_changes`).
enum SchemaV17Sessions {
  static let identifier = "v17-sessions"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE browser_sessions (
          hash TEXT PRIMARY KEY,
          user_id TEXT NOT NULL,
          created INTEGER NOT NULL,
          expires INTEGER NOT NULL,
          ended INTEGER
        ) STRICT
        """)
  }
}
