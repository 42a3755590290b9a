import GRDB

/// The schema step `v3-tokens`: compute tokens and their market prices, workspace-wide.
///
/// Compute grants, redemptions, sales and clawbacks are ledger transactions of their company
/// (kinds `compute-grant`, `token-redeem`, `token-sale`, `token-clawback` in `transactions`),
/// so they need no table of their own. Both tables are append-only.
enum SchemaV3Tokens {
  static let identifier = "v3-tokens"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE tokens (
          symbol TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
          issuer_id TEXT NOT NULL REFERENCES stakeholders(id),
          unit TEXT NOT NULL,
          units_per_token TEXT NOT NULL,
          peg TEXT
        ) STRICT
        """)
    try db.execute(
      sql: """
        CREATE TABLE token_prices (
          symbol TEXT NOT NULL REFERENCES tokens(symbol),
          date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          price TEXT NOT NULL,
          PRIMARY KEY (symbol, date)
        ) STRICT, WITHOUT ROWID
        """)
    for (table, rows) in [("tokens", "compute tokens"), ("token_prices", "token prices")] {
      for verb in ["UPDATE", "DELETE"] {
        try db.execute(
          sql: """
            CREATE TRIGGER \(table)_no_\(verb.lowercased()) BEFORE \(verb) ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(rows) are append-only: record a new one instead'); END
            """)
      }
    }
  }
}
