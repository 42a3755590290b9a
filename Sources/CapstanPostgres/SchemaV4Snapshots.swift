/// The PostgreSQL schema step `v4-snapshots`: replay snapshots per company at checkpoints (the
/// SQLite store's `v15-snapshots`; issue 19, `LedgerSnapshot`). A cache, not history: rows are
/// replaced and deleted (a write deletes the ones it makes stale in its own transaction), so
/// the table has no append-only triggers; every later step empties it (`PostgresSchema`).
/// The state is kept as text: JSON in format 1, base64 of the binary state from format 2.
enum SchemaV4Snapshots {
  /// The step's identifier.
  static let identifier = "v4-snapshots"

  /// The statements, in order.
  static let statements = [
    """
    CREATE TABLE snapshots (
      company_id text NOT NULL REFERENCES companies(id),
      date date NOT NULL,
      sequence integer NOT NULL,
      format integer NOT NULL,
      fingerprint text NOT NULL,
      covered integer NOT NULL,
      last_sequence integer NOT NULL,
      state text NOT NULL,
      PRIMARY KEY (company_id, date, sequence)
    )
    """
  ]
}
