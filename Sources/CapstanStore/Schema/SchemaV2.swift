import GRDB

/// The second schema step: rounds saved by `capstan round save`, to show again or close.
///
/// Append-only like the rest: a saved round is never edited; save it again under a new name.
enum SchemaV2 {
  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE saved_rounds (
          company_id TEXT NOT NULL REFERENCES companies(id),
          name TEXT NOT NULL COLLATE NOCASE,
          closing TEXT NOT NULL CHECK (closing GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          body TEXT NOT NULL CHECK (json_valid(body)),
          PRIMARY KEY (company_id, name)
        ) STRICT
        """)
    for verb in ["UPDATE", "DELETE"] {
      try db.execute(
        sql: """
          CREATE TRIGGER saved_rounds_no_\(verb.lowercased()) BEFORE \(verb) ON saved_rounds
          BEGIN SELECT RAISE(ABORT, 'saved rounds are append-only: save the round again under a new name'); END
          """)
    }
  }
}
