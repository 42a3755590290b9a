import GRDB

/// A schema step: which ledger rows each write recorded (one row per write and company: the
/// first and last sequence, contiguous because a write numbers its transactions in order), so
/// `capstan undo` can find what the last command recorded. Append-only like the ledger.
///
/// Writes before this step, and streaming imports, record no batch: `undo` then refuses
/// rather than guess (the last batch must end at the ledger's last transaction).
enum SchemaV11LedgerBatches {
  static let identifier = "v11-ledger-batches"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE ledger_batches (
          batch INTEGER PRIMARY KEY,
          company_id TEXT NOT NULL REFERENCES companies(id),
          first_sequence INTEGER NOT NULL CHECK (first_sequence > 0),
          last_sequence INTEGER NOT NULL CHECK (last_sequence >= first_sequence)
        ) STRICT
        """)
    for verb in ["UPDATE", "DELETE"] {
      try db.execute(
        sql: """
          CREATE TRIGGER ledger_batches_no_\(verb.lowercased()) BEFORE \(verb) ON ledger_batches
          BEGIN SELECT RAISE(ABORT, 'ledger batches are append-only'); END
          """)
    }
  }
}
