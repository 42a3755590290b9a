import GRDB

/// A schema step: which class a company's SAFEs and notes convert into at a round's closing
/// (their own sub-series, the YC "Safe Preferred Stock", unless a company says the round class).
enum SchemaV7ConversionSeries {
  static let identifier = "v7-conversion-series"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE companies ADD COLUMN conversion_series TEXT NOT NULL DEFAULT 'sub-series'
          CHECK (conversion_series IN ('sub-series', 'round-class'))
        """)
  }
}
