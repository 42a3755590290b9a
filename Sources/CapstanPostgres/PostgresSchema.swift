import CapstanModel
import PostgresNIO

/// The PostgreSQL workspace's schema: versioned migrations, recorded in `capstan_migrations`.
///
/// Like the SQLite store's, the migrations are append-only: a released step is never edited,
/// a change is a new step after the last. A database that records a step this build does not
/// know was written by a newer Capstan and is refused. The schema keeps the SQLite store's
/// concepts (companies, stakeholders and their history, classes, plans, the ledger and its
/// batches, saved rounds, tokens and prices, valuations, control records); each row keeps its
/// model value as JSON (`StoredJSON`) beside the columns that key, order and constrain it.
enum PostgresSchema {
  /// The advisory-lock namespace of Capstan (the first key of the two-key form): "CPST".
  static let lockNamespace: Int32 = 0x4350_5354
  /// The second key that serialises migrations (company locks use `hashtext(company id)`).
  static let migrationLock: Int32 = 0

  /// Every step this build knows, in order.
  static let migrations: [(identifier: String, statements: [String])] = [
    ("v1", SchemaV1.statements),
    (SchemaV2Offers.identifier, SchemaV2Offers.statements),
    (SchemaV3TokenCosts.identifier, SchemaV3TokenCosts.statements),
    (SchemaV4Snapshots.identifier, SchemaV4Snapshots.statements),
    (SchemaV5Access.identifier, SchemaV5Access.statements),
    (SchemaV6Sessions.identifier, SchemaV6Sessions.statements),
    (SchemaV7AuditPointer.identifier, SchemaV7AuditPointer.statements),
    (SchemaV8RoundClosings.identifier, SchemaV8RoundClosings.statements),
  ]

  /// The identifiers of every step, in order.
  static var identifiers: [String] { migrations.map(\.identifier) }

  /// The steps applied to the database, in order (empty when it holds no workspace).
  static func applied(_ connection: BlockingConnection) throws -> [String] {
    let exists = try connection.rows("SELECT to_regclass('capstan_migrations') IS NOT NULL")
    guard try exists.first?.decode(Bool.self) == true else { return [] }
    return try connection.rows("SELECT identifier FROM capstan_migrations ORDER BY position")
      .map { try $0.decode(String.self) }
  }

  /// Applies the steps the database lacks, each in its own transaction, one process at a time.
  static func migrate(_ connection: BlockingConnection) throws {
    try connection.transaction {
      try connection.rows(
        "SELECT pg_advisory_xact_lock(\(lockNamespace), \(migrationLock))")
      try connection.execute(
        """
        CREATE TABLE IF NOT EXISTS capstan_migrations (
          position integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          identifier text NOT NULL UNIQUE,
          applied_at timestamptz NOT NULL DEFAULT now()
        )
        """)
      let applied = try Self.applied(connection)
      let unknown = applied.filter { !identifiers.contains($0) }
      guard unknown.isEmpty else {
        throw WorkspaceError.newerSchema(path: connection.address.description, found: unknown)
      }
      for (identifier, statements) in migrations where !applied.contains(identifier) {
        for statement in statements { try connection.execute(statement) }
        try connection.rows(
          "INSERT INTO capstan_migrations (identifier) VALUES (\(identifier))")
      }
      // A stored replay snapshot never outlives the schema it was taken under.
      if migrations.contains(where: { !applied.contains($0.identifier) }) {
        try connection.execute("DELETE FROM snapshots")
      }
    }
  }
}
