import GRDB

/// The first schema: companies, stakeholders, share classes, stock plans and transactions.
///
/// Every table is STRICT. History is never rewritten: triggers refuse UPDATE and DELETE on
/// every table but `meta`, so a correction can only be a new transaction.
enum SchemaV1 {
  static func migrate(_ db: Database) throws {
    try db.execute(sql: "PRAGMA application_id = \(WorkspaceSchema.applicationID)")
    for statement in tables + appendOnlyTriggers {
      try db.execute(sql: statement)
    }
    try db.execute(
      sql: "INSERT INTO meta (key, value) VALUES (?, ?)",
      arguments: [WorkspaceSchema.formatKey, WorkspaceSchema.formatValue])
  }

  /// A CHECK that a column holds a `YYYY-MM-DD` date (or NULL).
  private static func isoDate(_ column: String) -> String {
    "CHECK (\(column) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
  }

  static let tables = [
    """
    CREATE TABLE meta (
      key TEXT NOT NULL PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT
    """,
    """
    CREATE TABLE companies (
      id TEXT NOT NULL PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      currency TEXT NOT NULL CHECK (length(currency) = 3),
      incorporated TEXT NOT NULL \(isoDate("incorporated")),
      round_price_places INTEGER NOT NULL,
      round_price_rule TEXT NOT NULL,
      anti_dilution_price_places INTEGER NOT NULL,
      interest_places INTEGER NOT NULL,
      money_display_places INTEGER NOT NULL
    ) STRICT
    """,
    """
    CREATE TABLE stakeholders (
      id TEXT NOT NULL PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      kind TEXT NOT NULL,
      email TEXT
    ) STRICT
    """,
    """
    CREATE TABLE share_classes (
      company_id TEXT NOT NULL REFERENCES companies(id),
      id TEXT NOT NULL,
      name TEXT NOT NULL COLLATE NOCASE,
      kind TEXT NOT NULL,
      initial_authorized INTEGER NOT NULL CHECK (initial_authorized >= 0),
      original_issue_price TEXT,
      conversion_price TEXT,
      preference_multiple TEXT,
      participation TEXT,
      participation_cap TEXT,
      seniority INTEGER,
      anti_dilution TEXT NOT NULL,
      votes_per_share TEXT NOT NULL,
      PRIMARY KEY (company_id, id),
      UNIQUE (company_id, name),
      CHECK ((preference_multiple IS NULL) = (participation IS NULL)),
      CHECK ((preference_multiple IS NULL) = (seniority IS NULL)),
      CHECK ((participation = 'capped') = (participation_cap IS NOT NULL))
    ) STRICT
    """,
    """
    CREATE TABLE stock_plans (
      company_id TEXT NOT NULL REFERENCES companies(id),
      id TEXT NOT NULL,
      name TEXT NOT NULL COLLATE NOCASE,
      class_id TEXT NOT NULL,
      initial_reserve INTEGER NOT NULL CHECK (initial_reserve >= 0),
      adopted TEXT NOT NULL \(isoDate("adopted")),
      cancellation_behavior TEXT NOT NULL,
      PRIMARY KEY (company_id, id),
      UNIQUE (company_id, name),
      FOREIGN KEY (company_id, class_id) REFERENCES share_classes(company_id, id)
    ) STRICT
    """,
    // Clustered on (company_id, date, sequence): loading a ledger in replay order is one
    // sequential range scan, with no lookups.
    """
    CREATE TABLE transactions (
      company_id TEXT NOT NULL REFERENCES companies(id),
      sequence INTEGER NOT NULL CHECK (sequence > 0),
      date TEXT NOT NULL \(isoDate("date")),
      kind TEXT NOT NULL,
      security TEXT,
      holder_id TEXT REFERENCES stakeholders(id),
      class_id TEXT,
      plan_id TEXT,
      quantity INTEGER,
      price TEXT,
      vesting_start TEXT \(isoDate("vesting_start")),
      vesting_total_months INTEGER,
      vesting_cliff_months INTEGER,
      vesting_frequency_months INTEGER,
      expires TEXT \(isoDate("expires")),
      resulting_security TEXT,
      balance_security TEXT,
      ratio TEXT,
      new_total INTEGER,
      reason TEXT,
      extra TEXT CHECK (extra IS NULL OR json_valid(extra)),
      PRIMARY KEY (company_id, date, sequence),
      UNIQUE (company_id, sequence),
      FOREIGN KEY (company_id, class_id) REFERENCES share_classes(company_id, id),
      FOREIGN KEY (company_id, plan_id) REFERENCES stock_plans(company_id, id),
      CHECK ((vesting_start IS NULL) = (vesting_total_months IS NULL))
    ) STRICT, WITHOUT ROWID
    """,
  ]

  /// Tables whose rows are history: never updated, never deleted.
  static let appendOnlyTables = [
    (table: "companies", rows: "companies"), (table: "stakeholders", rows: "stakeholders"),
    (table: "share_classes", rows: "share classes"), (table: "stock_plans", rows: "stock plans"),
    (table: "transactions", rows: "transactions"),
  ]

  static var appendOnlyTriggers: [String] {
    appendOnlyTables.flatMap { table, rows in
      ["UPDATE", "DELETE"].map { action in
        """
        CREATE TRIGGER \(table)_no_\(action.lowercased()) BEFORE \(action) ON \(table)
        BEGIN
          SELECT RAISE(ABORT, '\(rows) are append-only: history is never rewritten; \
        record a correction as a new transaction');
        END
        """
      }
    }
  }
}
