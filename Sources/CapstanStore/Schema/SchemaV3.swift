import GRDB

/// The third schema step, "v3-vesting-events": richer vesting terms on grants and issuances,
/// and the events vesting depends on.
///
/// `transactions.vesting_terms` holds `VestingTerms` as JSON when a plain `48/12/1` schedule
/// cannot say them (days, tranches, milestones, an allocation type, acceleration); plain
/// schedules stay in the four `vesting_*` columns. The new kinds `change-of-control`,
/// `termination` and `milestone` use the existing columns (see `Transaction+Record.swift`).
/// The step also marks the file, so an older Capstan refuses it instead of misreading it.
enum SchemaV3 {
  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE transactions ADD COLUMN vesting_terms TEXT
          CHECK (vesting_terms IS NULL OR json_valid(vesting_terms))
        """)
  }
}
