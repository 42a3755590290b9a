import GRDB

/// A schema step: the custom ids of the securities a transaction results in. `custom_id` (v9)
/// already holds the id of the security an event creates, now also a transfer's transferee
/// security and a conversion's stock; the balance security a partial transfer, cancellation or
/// repurchase leaves gets `balance_custom_id` (an Open Cap Format `custom_id` such as `OA-4`).
/// NULL when it has none.
enum SchemaV12ResultingCustomIDs {
  static let identifier = "v12-resulting-custom-ids"

  static func migrate(_ db: Database) throws {
    try db.execute(sql: "ALTER TABLE transactions ADD COLUMN balance_custom_id TEXT")
  }
}
