import GRDB

/// A schema step: valuations (409A and others) of a company's classes, dated reference data
/// kept beside the ledger. Append-only like the ledger; prices are exact text (`1.25`, `1/3`).
enum SchemaV5Valuations {
  static let identifier = "v5-valuations"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE valuations (
          company_id TEXT NOT NULL REFERENCES companies(id),
          sequence INTEGER NOT NULL CHECK (sequence > 0),
          effective_date TEXT NOT NULL
            CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          class_id TEXT NOT NULL,
          price_per_share TEXT NOT NULL,
          valuation_type TEXT NOT NULL,
          provider TEXT,
          board_approval_date TEXT
            CHECK (board_approval_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          PRIMARY KEY (company_id, sequence),
          FOREIGN KEY (company_id, class_id) REFERENCES share_classes(company_id, id)
        ) STRICT
        """)
    for verb in ["UPDATE", "DELETE"] {
      try db.execute(
        sql: """
          CREATE TRIGGER valuations_no_\(verb.lowercased()) BEFORE \(verb) ON valuations
          BEGIN SELECT RAISE(ABORT, 'valuations are append-only: record a new one'); END
          """)
    }
  }
}
