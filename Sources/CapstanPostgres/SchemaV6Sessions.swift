/// The PostgreSQL store's sixth step (the SQLite store's `v17-sessions`): the team server's
/// browser sessions, by the SHA-256 of their id. A row is updated at sign-out and deleted once
/// expired: a session is a key, not a record (the people's changes stay append-only).
enum SchemaV6Sessions {
  /// The step's identifier in `capstan_migrations`.
  static let identifier = "v6-sessions"

  /// The table.
  static var statements: [String] {
    [
      """
      CREATE TABLE browser_sessions (
        hash text PRIMARY KEY,
        user_id text NOT NULL,
        created bigint NOT NULL,
        expires bigint NOT NULL,
        ended bigint
      )
      """
    ]
  }
}
