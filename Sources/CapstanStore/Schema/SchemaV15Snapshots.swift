import GRDB

/// The schema step `v15-snapshots`: replay snapshots per company at checkpoints (issue 19,
/// `LedgerSnapshot`). Unlike the ledger, a cache: rows are replaced and deleted (a write
/// deletes the ones it makes stale in its own transaction, `WorkspaceChanges.staleSnapshots`),
/// so the table has no append-only triggers. Every later migration empties it
/// (`SQLiteWorkspace.open`), so a snapshot never outlives the schema it was read from.
enum SchemaV15Snapshots {
  static let identifier = "v15-snapshots"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE snapshots (
          company_id TEXT NOT NULL REFERENCES companies(id),
          date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          sequence INTEGER NOT NULL,
          format INTEGER NOT NULL,
          fingerprint TEXT NOT NULL,
          covered INTEGER NOT NULL,
          last_sequence INTEGER NOT NULL,
          state BLOB NOT NULL,
          PRIMARY KEY (company_id, date, sequence)
        ) STRICT
        """)
  }
}
