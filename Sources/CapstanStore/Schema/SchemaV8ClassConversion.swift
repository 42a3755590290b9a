import GRDB

/// A schema step: what a share class converts into (an Open Cap Format `conversion_rights`
/// entry). Every class before it keeps the default, preferred into the company's common at
/// original issue price ÷ conversion price (`conversion` NULL).
enum SchemaV8ClassConversion {
  static let identifier = "v8-class-conversion"

  static func migrate(_ db: Database) throws {
    // conversion: NULL (the default), 'none' (no right) or 'into' (conversion_target, and
    // conversion_ratio when stated, else OIP ÷ CP; conversion_rounding an OCF RoundingType).
    try db.execute(
      sql: """
        ALTER TABLE share_classes ADD COLUMN conversion TEXT
          CHECK (conversion IS NULL OR conversion IN ('none', 'into'));
        ALTER TABLE share_classes ADD COLUMN conversion_target TEXT;
        ALTER TABLE share_classes ADD COLUMN conversion_ratio TEXT;
        ALTER TABLE share_classes ADD COLUMN conversion_rounding TEXT
          CHECK (conversion_rounding IS NULL
            OR conversion_rounding IN ('FLOOR', 'CEILING', 'NORMAL'));
        """)
  }
}
