/// The PostgreSQL store's fifth step (the SQLite store's `v16-access`): the workspace's people
/// (users, roles, API tokens' hashes) as append-only changes, and the audit records of every
/// write. Both accept INSERT only, like the ledger.
enum SchemaV5Access {
  /// The step's identifier in `capstan_migrations`.
  static let identifier = "v5-access"

  /// The tables and their append-only triggers.
  static var statements: [String] {
    [
      """
      CREATE TABLE access_changes (
        position integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        body json NOT NULL
      )
      """,
      """
      CREATE TABLE audit_records (
        position integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        at text NOT NULL,
        company_id text,
        body json NOT NULL
      )
      """,
    ]
      + ["access_changes", "audit_records"].flatMap { table in
        [
          """
          CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table)
          FOR EACH ROW EXECUTE FUNCTION capstan_append_only('\(table)')
          """,
          """
          CREATE TRIGGER \(table)_no_truncate BEFORE TRUNCATE ON \(table)
          FOR EACH STATEMENT EXECUTE FUNCTION capstan_append_only('\(table)')
          """,
        ]
      }
  }
}
