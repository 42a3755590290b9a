import GRDB

/// A schema step: control records (board seats, protective provisions, compute use) kept
/// beside each company's ledger for the portfolio report. Append-only like the ledger.
enum SchemaV4ControlRecords {
  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE control_records (
          company_id TEXT NOT NULL REFERENCES companies(id),
          sequence INTEGER NOT NULL CHECK (sequence > 0),
          date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          body TEXT NOT NULL CHECK (json_valid(body)),
          PRIMARY KEY (company_id, sequence)
        ) STRICT
        """)
    for verb in ["UPDATE", "DELETE"] {
      try db.execute(
        sql: """
          CREATE TRIGGER control_records_no_\(verb.lowercased()) BEFORE \(verb) ON control_records
          BEGIN SELECT RAISE(ABORT, 'control records are append-only: record a new one'); END
          """)
    }
  }
}
