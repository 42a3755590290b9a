/// The first schema of the PostgreSQL store.
///
/// Every table is append-only, enforced by the database: a trigger refuses UPDATE, DELETE and
/// TRUNCATE on each, so history is only ever added to (a correction is a new transaction).
/// Names are unique case-insensitively, as in the SQLite store; `position` keeps the order of
/// recording. Bodies are `json` (the model value, exactly as encoded).
enum SchemaV1 {
  /// The tables, then the append-only function and its triggers.
  static var statements: [String] { tables + [appendOnlyFunction] + triggers }

  static let tables = [
    """
    CREATE TABLE capstan_meta (key text PRIMARY KEY, value text NOT NULL)
    """,
    "INSERT INTO capstan_meta (key, value) VALUES ('format', 'capstan-workspace')",
    """
    CREATE TABLE companies (
      position integer GENERATED ALWAYS AS IDENTITY,
      id text PRIMARY KEY,
      name text NOT NULL,
      body json NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX companies_name ON companies (lower(name))",
    """
    CREATE TABLE stakeholders (
      position integer GENERATED ALWAYS AS IDENTITY,
      id text PRIMARY KEY,
      name text NOT NULL,
      body json NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX stakeholders_name ON stakeholders (lower(name))",
    """
    CREATE TABLE stakeholder_changes (
      position integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      stakeholder_id text NOT NULL REFERENCES stakeholders (id),
      body json NOT NULL
    )
    """,
    """
    CREATE TABLE share_classes (
      position integer GENERATED ALWAYS AS IDENTITY,
      company_id text NOT NULL REFERENCES companies (id),
      id text NOT NULL,
      name text NOT NULL,
      body json NOT NULL,
      PRIMARY KEY (company_id, id)
    )
    """,
    "CREATE UNIQUE INDEX share_classes_name ON share_classes (company_id, lower(name))",
    """
    CREATE TABLE stock_plans (
      position integer GENERATED ALWAYS AS IDENTITY,
      company_id text NOT NULL REFERENCES companies (id),
      id text NOT NULL,
      name text NOT NULL,
      body json NOT NULL,
      PRIMARY KEY (company_id, id)
    )
    """,
    "CREATE UNIQUE INDEX stock_plans_name ON stock_plans (company_id, lower(name))",
    """
    CREATE TABLE transactions (
      company_id text NOT NULL REFERENCES companies (id),
      sequence integer NOT NULL CHECK (sequence > 0),
      date date NOT NULL,
      kind text NOT NULL,
      body json NOT NULL,
      PRIMARY KEY (company_id, sequence)
    )
    """,
    "CREATE INDEX transactions_replay ON transactions (company_id, date, sequence)",
    """
    CREATE TABLE ledger_batches (
      batch integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      company_id text NOT NULL REFERENCES companies (id),
      first_sequence integer NOT NULL CHECK (first_sequence > 0),
      last_sequence integer NOT NULL CHECK (last_sequence >= first_sequence)
    )
    """,
    """
    CREATE TABLE saved_rounds (
      position integer GENERATED ALWAYS AS IDENTITY,
      company_id text NOT NULL REFERENCES companies (id),
      name text NOT NULL,
      closing date NOT NULL,
      body json NOT NULL,
      PRIMARY KEY (company_id, name)
    )
    """,
    "CREATE UNIQUE INDEX saved_rounds_name ON saved_rounds (company_id, lower(name))",
    """
    CREATE TABLE tokens (
      position integer GENERATED ALWAYS AS IDENTITY,
      symbol text PRIMARY KEY,
      body json NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX tokens_symbol ON tokens (lower(symbol))",
    """
    CREATE TABLE token_prices (
      position integer GENERATED ALWAYS AS IDENTITY,
      symbol text NOT NULL,
      date date NOT NULL,
      body json NOT NULL,
      PRIMARY KEY (symbol, date)
    )
    """,
    """
    CREATE TABLE valuations (
      company_id text NOT NULL REFERENCES companies (id),
      sequence integer NOT NULL CHECK (sequence > 0),
      body json NOT NULL,
      PRIMARY KEY (company_id, sequence)
    )
    """,
    """
    CREATE TABLE control_records (
      company_id text NOT NULL REFERENCES companies (id),
      sequence integer NOT NULL CHECK (sequence > 0),
      body json NOT NULL,
      PRIMARY KEY (company_id, sequence)
    )
    """,
  ]

  /// The tables whose rows are history, with how a refusal names their rows.
  static let appendOnly = [
    ("capstan_meta", "workspace settings"), ("companies", "companies"),
    ("stakeholders", "stakeholders"), ("stakeholder_changes", "stakeholder history"),
    ("share_classes", "share classes"), ("stock_plans", "stock plans"),
    ("transactions", "transactions"), ("ledger_batches", "ledger batches"),
    ("saved_rounds", "saved rounds"), ("tokens", "compute tokens"),
    ("token_prices", "token prices"), ("valuations", "valuations"),
    ("control_records", "control records"),
  ]

  static let appendOnlyFunction = """
    CREATE FUNCTION capstan_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% are append-only: history is never rewritten; record a correction as a new transaction', TG_ARGV[0]
        USING ERRCODE = 'integrity_constraint_violation';
    END
    $$
    """

  static var triggers: [String] {
    appendOnly.flatMap { table, rows in
      [
        """
        CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table)
        FOR EACH ROW EXECUTE FUNCTION capstan_append_only('\(rows)')
        """,
        """
        CREATE TRIGGER \(table)_no_truncate BEFORE TRUNCATE ON \(table)
        FOR EACH STATEMENT EXECUTE FUNCTION capstan_append_only('\(rows)')
        """,
      ]
    }
  }
}
