import CapstanModel
import CapstanStore
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanPostgres

/// What the PostgreSQL store adds to the contract: the database refuses to rewrite history,
/// versioned migrations, and locations that are not workspaces.
@Suite(
  .enabled(if: PostgresServer.available, "PostgreSQL is not installed (see the message above)"),
  .postgresServer)
struct PostgresStoreTests {
  private func newWorkspace() throws -> PostgresWorkspace {
    let server = try #require(PostgresServer.current)
    return try PostgresWorkspace.create(PostgresAddress(server.createDatabase()))
  }

  @Test func theDatabaseRefusesToRewriteHistory() throws {
    let workspace = try newWorkspace()
    try workspace.write { draft in
      let company = try SampleCompany.record(in: &draft)
      try draft.saveRound(WorkspaceContract.savedRound, company: company)
    }
    // Every table named here has rows (a row trigger fires only on a row).
    let statements = [
      "UPDATE transactions SET kind = 'void'",
      "DELETE FROM transactions",
      "TRUNCATE transactions CASCADE",
      "UPDATE stakeholders SET name = 'X'",
      "DELETE FROM companies",
      "DELETE FROM ledger_batches",
      "UPDATE saved_rounds SET name = 'X'",
      "DELETE FROM capstan_meta",
    ]
    for statement in statements {
      #expect(throws: WorkspaceError.self, "\(statement)") {
        try workspace.locked { try workspace.connection.execute(statement) }
      }
    }
    #expect(
      try workspace.ledger(for: "acme-ai").transactions.count == SampleCompany.events.count)
    // The refusal states the fact.
    do {
      try workspace.locked { try workspace.connection.execute("DELETE FROM transactions") }
    } catch {
      #expect("\(error)".contains("transactions are append-only"))
    }
  }

  @Test func migrationsAreRecordedAndANewerSchemaIsRefused() throws {
    let server = try #require(PostgresServer.current)
    let url = try server.createDatabase()
    let address = try PostgresAddress(url)
    let workspace = try PostgresWorkspace.create(address)
    #expect(try workspace.appliedMigrations() == PostgresWorkspace.knownMigrations)
    #expect(
      PostgresWorkspace.knownMigrations == [
        "v1", "v2-offers", "v3-token-costs", "v4-snapshots", "v5-access", "v6-sessions",
        "v7-audit-pointer", "v8-round-closings",
      ])
    // Creating again is refused; opening finds every step applied.
    #expect(throws: StoreError.alreadyExists(path: address.description)) {
      try PostgresWorkspace.create(address)
    }
    #expect(
      try PostgresWorkspace.open(address).appliedMigrations() == [
        "v1", "v2-offers", "v3-token-costs", "v4-snapshots", "v5-access", "v6-sessions",
        "v7-audit-pointer", "v8-round-closings",
      ])
    // A step this build does not know: the database was written by a newer Capstan.
    try workspace.locked {
      try workspace.connection.execute(
        "INSERT INTO capstan_migrations (identifier) VALUES ('v99-future')")
    }
    #expect(throws: WorkspaceError.newerSchema(path: address.description, found: ["v99-future"])) {
      try PostgresWorkspace.open(address)
    }
  }

  @Test func aDatabaseWithoutCapstanTablesIsNotAWorkspace() throws {
    let server = try #require(PostgresServer.current)
    let address = try PostgresAddress(server.createDatabase())
    #expect(
      throws: WorkspaceError.notAWorkspace(
        path: address.description, reason: "the database holds no Capstan tables")
    ) {
      try PostgresWorkspace.open(address)
    }
  }

  @Test func anUnreachableServerIsAStorageError() throws {
    let server = try #require(PostgresServer.current)
    // Port 1 on loopback: nothing listens there.
    let address = try PostgresAddress("postgres://\(server.user)@127.0.0.1:1/none")
    #expect(throws: WorkspaceError.self) { try PostgresWorkspace.open(address) }
  }
}

/// The PostgreSQL store's parts that need no server.
@Suite struct PostgresStoreOfflineTests {
  @Test func addressesParse() throws {
    let address = try PostgresAddress("postgres://capstan:s3cret@db.example:5433/acme")
    #expect(address.host == "db.example")
    #expect(address.port == 5433)
    #expect(address.user == "capstan")
    #expect(address.password == "s3cret")
    #expect(address.database == "acme")
    // The password is never shown.
    #expect(address.description == "postgres://capstan@db.example:5433/acme")
    #expect(try PostgresAddress("postgresql://me@localhost/books").port == 5432)
    for bad in ["postgres://db/acme", "postgres://me@db", "postgres://me@db/", "http://me@db/x"] {
      #expect(throws: StoreError.self, "\(bad)") { try PostgresAddress(bad) }
    }
  }

  /// Every value the store keeps as JSON decodes to exactly what was encoded: every kind of
  /// ledger event, the company, people, classes, plans, a saved round, tokens, prices,
  /// valuations and control records.
  @Test func everyStoredValueRoundTripsThroughJSON() throws {
    func roundTrip<Value: Codable & Equatable>(_ value: Value) throws {
      let text = try StoredJSON.encode(value, what: "test")
      #expect(try StoredJSON.decode(Value.self, from: text, table: "t", key: "1") == value)
    }
    let ledger = try SampleCompany.everyKindLedger()
    #expect(Set(ledger.transactions.map(\.event.kind)) == Set(LedgerEvent.Kind.allCases))
    for transaction in ledger.transactions { try roundTrip(transaction) }
    try roundTrip(ledger.company)
    for person in ledger.stakeholders.values { try roundTrip(person) }
    for shareClass in ledger.classes { try roundTrip(shareClass) }
    for plan in ledger.plans { try roundTrip(plan) }
    try roundTrip(WorkspaceContract.savedRound)
    try roundTrip(WorkspaceContract.valuation)
    for record in WorkspaceContract.records { try roundTrip(record) }
    // A ratio that does not terminate, and the extremes of a share count.
    try roundTrip(fraction(1, 3))
    try roundTrip(Shares(Int64.max))
    try roundTrip(Shares(Int64.min))
  }
}
