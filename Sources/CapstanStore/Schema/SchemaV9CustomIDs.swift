import GRDB

/// A schema step: the id people know a security by (an Open Cap Format `custom_id` such as
/// `EC-1`), on the transaction that creates the security; NULL when it has none.
enum SchemaV9CustomIDs {
  static let identifier = "v9-custom-ids"

  static func migrate(_ db: Database) throws {
    try db.execute(sql: "ALTER TABLE transactions ADD COLUMN custom_id TEXT")
  }
}
