import GRDB

/// The schema step `v14-token-costs`: the provider's cost to serve each token's compute, per
/// unit, from a date (`capstan token cost`). Workspace-wide like the tokens, append-only; a
/// later row on the same date corrects an earlier one (the one recorded last applies).
enum SchemaV14TokenCosts {
  static let identifier = "v14-token-costs"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE token_costs (
          position INTEGER PRIMARY KEY,
          symbol TEXT NOT NULL REFERENCES tokens(symbol),
          date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          cost_per_unit TEXT NOT NULL
        ) STRICT
        """)
    for verb in ["UPDATE", "DELETE"] {
      try db.execute(
        sql: """
          CREATE TRIGGER token_costs_no_\(verb.lowercased()) BEFORE \(verb) ON token_costs
          BEGIN SELECT RAISE(ABORT, 'token costs are append-only: record a new one instead'); END
          """)
    }
  }
}
