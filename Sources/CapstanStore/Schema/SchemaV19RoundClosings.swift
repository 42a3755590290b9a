import GRDB

/// The schema step `v19-round-closings`: what each `round close` wrote for its saved round
/// (the run of transactions and the classes of the close), written in the close's own
/// transaction. Append-only like the ledger: a voided close keeps its row (the ledger keeps
/// the voided transactions too).
enum SchemaV19RoundClosings {
  static let identifier = "v19-round-closings"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE round_closings (
          position INTEGER PRIMARY KEY,
          company_id TEXT NOT NULL REFERENCES companies(id),
          round TEXT NOT NULL,
          first_sequence INTEGER NOT NULL,
          last_sequence INTEGER NOT NULL CHECK (last_sequence >= first_sequence),
          body TEXT NOT NULL
        ) STRICT
        """)
    for verb in ["UPDATE", "DELETE"] {
      try db.execute(
        sql: """
          CREATE TRIGGER round_closings_no_\(verb.lowercased()) BEFORE \(verb) ON round_closings
          BEGIN SELECT RAISE(ABORT, 'round closings are append-only'); END
          """)
    }
  }
}
