import GRDB

/// A schema step: whether a company's broad-based anti-dilution counts the unissued pool
/// (off for every company before it, as the NVCA model charter has it).
enum SchemaV6CompanySettings {
  static let identifier = "v6-company-settings"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE companies ADD COLUMN broad_based_includes_pool INTEGER NOT NULL DEFAULT 0
          CHECK (broad_based_includes_pool IN (0, 1))
        """)
  }
}
