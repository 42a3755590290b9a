import CapstanModel
import CapstanStore
import Foundation

/// A workspace kept in a PostgreSQL database: the team store (issue 20).
///
/// The same concepts as the SQLite store, in tables the database keeps append-only (a
/// trigger refuses UPDATE, DELETE and TRUNCATE). Every `write(_:)` is one database
/// transaction; writers to one company are serialised by the company's advisory lock
/// (`pg_advisory_xact_lock`), taken before the write reads that company's ledger, so two
/// writers never lose or duplicate a transaction. Multi-query reads run in one REPEATABLE READ
/// transaction, so they see one state.
///
/// One handle holds one connection; calls through one handle from several threads run one at
/// a time. Open one handle per process or thread that needs to work in parallel.
public final class PostgresWorkspace: Workspace, @unchecked Sendable {
  /// Where the workspace is.
  public let address: PostgresAddress
  let connection: BlockingConnection
  /// Serialises the callers of this handle (one connection runs one transaction at a time).
  private let lock = NSLock()

  private init(address: PostgresAddress, connection: BlockingConnection) {
    self.address = address
    self.connection = connection
  }

  /// Opens the workspace in the database `address` names, migrating its schema forward.
  public static func open(_ address: PostgresAddress) throws -> PostgresWorkspace {
    let connection = try BlockingConnection.connect(to: address)
    guard try !PostgresSchema.applied(connection).isEmpty else {
      throw WorkspaceError.notAWorkspace(
        path: address.description, reason: "the database holds no Capstan tables")
    }
    try PostgresSchema.migrate(connection)
    return PostgresWorkspace(address: address, connection: connection)
  }

  /// Creates an empty workspace in the database `address` names, which must not hold one.
  public static func create(_ address: PostgresAddress) throws -> PostgresWorkspace {
    let connection = try BlockingConnection.connect(to: address)
    guard try PostgresSchema.applied(connection).isEmpty else {
      throw StoreError.alreadyExists(path: address.description)
    }
    try PostgresSchema.migrate(connection)
    return PostgresWorkspace(address: address, connection: connection)
  }

  /// The identifiers of every schema migration this build knows, in order.
  public static var knownMigrations: [String] { PostgresSchema.identifiers }

  /// The identifiers of the schema migrations applied to this database, in order.
  public func appliedMigrations() throws -> [String] {
    try locked { try PostgresSchema.applied(connection) }
  }

  /// Runs `body` with this handle's connection to itself.
  func locked<T>(_ body: () throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// Runs `body` with this handle's connection when no other call holds it; nil when one does
  /// (a replay snapshot is then not saved).
  func lockedIfFree<T>(_ body: () throws -> T) throws -> T? {
    guard lock.try() else { return nil }
    defer { lock.unlock() }
    return try body()
  }

  /// Runs `body` in one read-only transaction.
  func read<T>(_ body: (PostgresReader) throws -> T) throws -> T {
    try locked {
      try connection.transaction(readOnly: true) {
        try body(PostgresReader(connection: connection))
      }
    }
  }

  /// All companies, by name.
  public func companies() throws -> [Company] {
    try read { try $0.companies() }.sorted { $0.name < $1.name }
  }

  /// All stakeholders of the workspace, by name.
  public func stakeholders() throws -> [Stakeholder] {
    try read { try $0.stakeholders() }.sorted { $0.name < $1.name }
  }

  /// Every change to a stakeholder's name, kind or e-mail, in recording order.
  public func stakeholderHistory() throws -> [StakeholderChange] {
    try read { try $0.stakeholderHistory() }
  }

  /// A company's ledger, with the workspace's stakeholders.
  public func ledger(for company: Company.ID) throws -> Ledger {
    try read { reader in try reader.ledger(for: company, stakeholders: reader.stakeholders()) }
      .savingSnapshots(to: self)
  }

  /// The sequences the last write recorded in the company's ledger.
  public func lastBatch(for company: Company.ID) throws -> ClosedRange<Int>? {
    try read { try $0.lastBatch(for: company) }
  }

  /// The rounds saved for a company, by closing date (then name).
  public func savedRounds(for company: Company.ID) throws -> [SavedRound] {
    try read { try $0.savedRounds(for: company) }
  }

  /// The workspace's compute tokens and their market prices.
  public func tokenMarket() throws -> TokenMarket {
    try read { try $0.tokenMarket() }
  }

  /// A company's valuations, in the order recorded.
  public func valuations(for company: Company.ID) throws -> [ShareValuation] {
    try read { try $0.valuations(for: company) }
  }

  /// A company's control records, in the order recorded.
  public func controlRecords(for company: Company.ID) throws -> [ControlRecord] {
    try read { try $0.controlRecords(for: company) }
  }

  /// The workspace's costs to serve, in recording order.
  public func tokenCosts() throws -> [TokenCostMark] {
    try read { try $0.tokenCosts() }
  }
}
