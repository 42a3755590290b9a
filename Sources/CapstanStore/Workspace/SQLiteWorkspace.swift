import CapstanModel
import GRDB
import Synchronization

/// A workspace kept in one SQLite file: companies, stakeholders and append-only ledgers.
///
/// The file is in WAL mode with foreign keys on; its tables are STRICT and refuse UPDATE
/// and DELETE, so history is only ever appended to. Every `write(_:)` is one IMMEDIATE
/// transaction: all of a write's additions are stored, or none.
public final class SQLiteWorkspace: Workspace {
  /// The path of the workspace file.
  public let path: String

  /// The connection reads go through. `open` never changes the file through it (nor its
  /// journal mode), and makes it read-only when the file cannot be written (read-only media).
  let queue: DatabaseQueue
  /// The connection writes go through, once the first write has prepared it.
  private let writeQueue: Mutex<DatabaseQueue?>
  /// How many `write(_:)` calls are running: a replay snapshot is not saved meanwhile (a
  /// replay inside a write's body would otherwise re-enter the connection).
  let writesInProgress = Mutex(0)

  init(path: String, queue: DatabaseQueue) {
    self.path = path
    self.queue = queue
    writeQueue = Mutex(nil)
  }

  /// The connection writes go through: `queue`, or a read-write one when `queue` is read-only;
  /// the file is switched to WAL on the first write (never by a command that only reads).
  func writer() throws -> DatabaseQueue {
    try writeQueue.withLock { current in
      if let current { return current }
      var configuration = queue.configuration
      configuration.readonly = false
      let opened =
        queue.configuration.readonly
        ? try translatingDatabaseErrors {
          try DatabaseQueue(path: path, configuration: configuration)
        } : queue
      try translatingDatabaseErrors {
        try opened.writeWithoutTransaction { db in
          let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode")
          if mode?.lowercased() != "wal" { try db.execute(sql: "PRAGMA journal_mode = WAL") }
        }
      }
      current = opened
      return opened
    }
  }

  /// The identifiers of every schema migration this build knows, in order (`v1`, ...).
  public static var knownMigrations: [String] { WorkspaceSchema.migrations }

  /// The identifiers of the schema migrations applied to this file, in order.
  public func appliedMigrations() throws -> [String] {
    try translatingDatabaseErrors {
      try queue.read { db in try WorkspaceSchema.migrator.appliedMigrations(db) }
    }
  }

  /// All companies, by name.
  public func companies() throws -> [Company] {
    try translatingDatabaseErrors {
      try queue.read { db in try WorkspaceReader(db: db).companies() }
    }
    .sorted { $0.name < $1.name }
  }

  /// All stakeholders of the workspace, by name.
  public func stakeholders() throws -> [Stakeholder] {
    try translatingDatabaseErrors {
      try queue.read { db in try WorkspaceReader(db: db).stakeholders() }
    }
    .sorted { $0.name < $1.name }
  }

  /// Every change to a stakeholder's name, kind or e-mail, in recording order.
  public func stakeholderHistory() throws -> [StakeholderChange] {
    try translatingDatabaseErrors {
      try queue.read { db in try WorkspaceReader(db: db).stakeholderHistory() }
    }
  }

  /// The sequences the last write recorded in the company's ledger.
  public func lastBatch(for company: Company.ID) throws -> ClosedRange<Int>? {
    try translatingDatabaseErrors {
      try queue.read { db in try WorkspaceReader(db: db).lastBatch(for: company) }
    }
  }

  /// The rounds saved for a company, by closing date.
  public func savedRounds(for company: Company.ID) throws -> [SavedRound] {
    try queue.read { db in
      try translatingDatabaseErrors { try WorkspaceReader(db: db).savedRounds(for: company) }
    }
  }

  /// The workspace's compute tokens and their market prices.
  public func tokenMarket() throws -> TokenMarket {
    try translatingDatabaseErrors {
      try queue.read { db in try WorkspaceReader(db: db).tokenMarket() }
    }
  }

  /// A company's ledger, with the workspace's stakeholders.
  public func ledger(for company: Company.ID) throws -> Ledger {
    try translatingDatabaseErrors {
      try queue.read { db in
        let reader = WorkspaceReader(db: db)
        return try reader.ledger(for: company, stakeholders: reader.stakeholders())
      }
    }
    .savingSnapshots(to: self)
  }

  /// The ledgers of `companies`, in order, in one read: the stakeholders are read once for all
  /// (a portfolio report read them again for every company), and the statements, cached on
  /// the connection, are prepared once.
  public func ledgers(for companies: [Company.ID]) throws -> [Ledger] {
    try translatingDatabaseErrors {
      try queue.read { db in
        let reader = WorkspaceReader(db: db)
        let stakeholders = try reader.stakeholders()
        return try companies.map { try reader.ledger(for: $0, stakeholders: stakeholders) }
      }
    }
    .map { $0.savingSnapshots(to: self) }
  }

  /// Runs `body` against the current state and persists what it added, atomically.
  ///
  /// The whole call is one IMMEDIATE transaction, so no other writer can slip in between
  /// what the body read and what is stored. An error thrown by `body` is rethrown
  /// unchanged, after the transaction is rolled back; SQLite's own errors become
  /// `WorkspaceError.storage`. The body reads through the draft it is given, never through
  /// this workspace (whose connection it holds).
  @discardableResult
  public func write<T>(_ body: (inout WorkspaceDraft) throws -> T) throws -> T {
    writesInProgress.withLock { $0 += 1 }
    defer { writesInProgress.withLock { $0 -= 1 } }
    return try writer().writeWithoutTransaction { db in
      try translatingDatabaseErrors { try db.beginTransaction(.immediate) }
      do {
        let result = try Self.write(db, body)
        try translatingDatabaseErrors { try db.commit() }
        return result
      } catch {
        if db.isInsideTransaction { try? db.rollback() }
        throw error
      }
    }
  }

  /// A draft over what `db` holds.
  static func draft(_ db: Database) throws -> WorkspaceDraft {
    let reader = WorkspaceReader(db: db)
    let (companies, stakeholders) = try translatingDatabaseErrors {
      (try reader.companies(), try reader.stakeholders())
    }
    var draft = WorkspaceDraft(
      companies: companies, stakeholders: stakeholders,
      load: { id in
        try translatingDatabaseErrors { try reader.ledger(for: id, stakeholders: stakeholders) }
      },
      loadRounds: { id in try translatingDatabaseErrors { try reader.savedRounds(for: id) } },
      loadMarket: { try translatingDatabaseErrors { try reader.tokenMarket() } },
      loadControlRecords: { id in
        try translatingDatabaseErrors { try reader.controlRecords(for: id) }
      })
    draft.loadOffers = { id in try translatingDatabaseErrors { try reader.offers(for: id) } }
    draft.loadTokenCosts = {
      try translatingDatabaseErrors {
        try Row.fetchAll(db, sql: TokenCostMark.selectSQL).map { try TokenCostMark(stored: $0) }
      }
    }
    draft.loadAccess = { try translatingDatabaseErrors { try reader.accessChanges() } }
    return draft
  }

  /// The body of `write(_:)`, inside its transaction.
  private static func write<T>(_ db: Database, _ body: (inout WorkspaceDraft) throws -> T) throws
    -> T
  {
    var draft = try draft(db)
    let result = try body(&draft)
    let changes = draft.changes
    let audit = changes.auditRecords()
    try translatingDatabaseErrors {
      try WorkspaceWriter(db: db).insert(changes, audit: audit)
      try WorkspaceWriter(db: db).insertOffers(changes)
      try WorkspaceWriter(db: db).insertAccess(changes, audit: audit)
      try WorkspaceWriter(db: db).dropSnapshots(changes.staleSnapshots)
      try WorkspaceWriter(db: db).insertRoundClosings(changes)
    }
    return result
  }
}
