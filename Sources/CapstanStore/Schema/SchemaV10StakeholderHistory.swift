import GRDB

/// A schema step: the dated history of stakeholders' names, kinds and e-mails.
///
/// The `stakeholders` rows keep the values a stakeholder was added with; its current values
/// are those with every `stakeholder_changes` row applied in `seq` order.
enum SchemaV10StakeholderHistory {
  static let identifier = "v10-stakeholder-history"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE stakeholder_changes (
          seq INTEGER PRIMARY KEY,
          stakeholder_id TEXT NOT NULL REFERENCES stakeholders(id),
          date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          field TEXT NOT NULL CHECK (field IN ('name', 'kind', 'email')),
          old_value TEXT,
          new_value TEXT
        ) STRICT
        """)
    for verb in ["UPDATE", "DELETE"] {
      try db.execute(
        sql: """
          CREATE TRIGGER stakeholder_changes_no_\(verb.lowercased())
          BEFORE \(verb) ON stakeholder_changes
          BEGIN SELECT RAISE(ABORT, 'stakeholder history is append-only: record a change'); END
          """)
    }
  }
}
