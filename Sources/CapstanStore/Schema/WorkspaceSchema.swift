import GRDB

/// The workspace file's schema: how a file is recognised, and the migrations that build it.
///
/// Migrations are append-only like the ledger: a released step is never edited; a change is
/// a new step registered after the last one. A file that records a step this build does not
/// know was written by a newer Capstan and is refused rather than misread.
enum WorkspaceSchema {
  /// `PRAGMA application_id` of every workspace: "CPST" in ASCII.
  static let applicationID: Int32 = 0x4350_5354

  /// The `meta` row that identifies a workspace, beside the application id.
  static let formatKey = "format"
  /// The value of the `format` meta row.
  static let formatValue = "capstan-workspace"

  /// The migrator with every step this build knows, in order.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1", migrate: SchemaV1.migrate)
    migrator.registerMigration("v2-saved-rounds", migrate: SchemaV2.migrate)
    migrator.registerMigration(SchemaV3Tokens.identifier, migrate: SchemaV3Tokens.migrate)
    migrator.registerMigration("v3-vesting-events", migrate: SchemaV3.migrate)
    migrator.registerMigration("v4-control-records", migrate: SchemaV4ControlRecords.migrate)
    migrator.registerMigration(SchemaV5Valuations.identifier, migrate: SchemaV5Valuations.migrate)
    migrator.registerMigration(
      SchemaV6CompanySettings.identifier, migrate: SchemaV6CompanySettings.migrate)
    migrator.registerMigration(
      SchemaV7ConversionSeries.identifier, migrate: SchemaV7ConversionSeries.migrate)
    migrator.registerMigration(
      SchemaV8ClassConversion.identifier, migrate: SchemaV8ClassConversion.migrate)
    migrator.registerMigration(SchemaV9CustomIDs.identifier, migrate: SchemaV9CustomIDs.migrate)
    migrator.registerMigration(
      SchemaV10StakeholderHistory.identifier, migrate: SchemaV10StakeholderHistory.migrate)
    migrator.registerMigration(
      SchemaV11LedgerBatches.identifier, migrate: SchemaV11LedgerBatches.migrate)
    migrator.registerMigration(
      SchemaV12ResultingCustomIDs.identifier, migrate: SchemaV12ResultingCustomIDs.migrate)
    migrator.registerMigration(SchemaV13Offers.identifier, migrate: SchemaV13Offers.migrate)
    migrator.registerMigration(
      SchemaV14TokenCosts.identifier, migrate: SchemaV14TokenCosts.migrate)
    migrator.registerMigration(SchemaV15Snapshots.identifier, migrate: SchemaV15Snapshots.migrate)
    migrator.registerMigration(SchemaV16Access.identifier, migrate: SchemaV16Access.migrate)
    migrator.registerMigration(SchemaV17Sessions.identifier, migrate: SchemaV17Sessions.migrate)
    migrator.registerMigration(
      SchemaV18AuditPointer.identifier, migrate: SchemaV18AuditPointer.migrate)
    migrator.registerMigration(
      SchemaV19RoundClosings.identifier, migrate: SchemaV19RoundClosings.migrate)
    return migrator
  }()

  /// The identifiers of every migration this build knows, in order.
  static var migrations: [String] { migrator.migrations }
}
