import CapstanModel
import Foundation
import GRDB

extension SQLiteWorkspace {
  /// Creates a new, empty workspace file at `path`; fails if anything is there already.
  public static func create(at path: String) throws -> SQLiteWorkspace {
    guard !FileManager.default.fileExists(atPath: path) else {
      throw StoreError.alreadyExists(path: path)
    }
    var configuration = baseConfiguration()
    configuration.journalMode = .wal
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      try WorkspaceSchema.migrator.migrate(queue)
      return SQLiteWorkspace(path: path, queue: queue)
    } catch let error as DatabaseError {
      removeFiles(of: path)
      throw StoreError.cannotCreate(path: path, reason: reason(error))
    }
  }

  /// Opens the workspace file at `path`; never creates one.
  ///
  /// Throws `WorkspaceError.missing` when there is no file, `.notAWorkspace` when the file
  /// is not SQLite or is another application's database, and `.newerSchema` when it was
  /// migrated by a newer Capstan. A file from an older Capstan is migrated forward.
  ///
  /// Opening and reading never change the file (a rollback-journal file stays one; the first
  /// write switches it to WAL, `writer()`); a file on read-only media is opened read-only and
  /// can be read. Another process holding the file is waited for up to
  /// `wait` seconds, then `WorkspaceError.busy`.
  public static func open(at path: String, wait: Double = 5) throws -> SQLiteWorkspace {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw WorkspaceError.missing(path: path)
    }
    guard !isFolder.boolValue else {
      throw WorkspaceError.notAWorkspace(path: path, reason: "it is a folder")
    }
    do {
      // Read-write unless the file or its folder cannot be written (a workspace on read-only
      // media is still readable); either way nothing is written until the first write.
      var configuration = baseConfiguration(wait: wait)
      let folder = (path as NSString).deletingLastPathComponent
      configuration.readonly =
        !FileManager.default.isWritableFile(atPath: path)
        || !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      // Look before writing anything: another application's file is left as it was.
      let needsMigration = try queue.read { db in try check(db, path: path) }
      let workspace = SQLiteWorkspace(path: path, queue: queue)
      if needsMigration {
        try WorkspaceSchema.migrator.migrate(try workspace.writer())
        try workspace.dropAllSnapshots()
      }
      return workspace
    } catch let error as DatabaseError {
      if error.resultCode == .SQLITE_NOTADB {
        throw WorkspaceError.notAWorkspace(path: path, reason: "it is not an SQLite database")
      }
      throw WorkspaceError(error)
    }
  }

  /// Checks that the file is a workspace this build can read; true when it needs migrating.
  private static func check(_ db: Database, path: String) throws -> Bool {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    guard applicationID == WorkspaceSchema.applicationID else {
      let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
      let reason =
        tables == 0
        ? "it is an empty SQLite database"
        : "it is an SQLite database of another application"
      throw WorkspaceError.notAWorkspace(path: path, reason: reason)
    }
    let format =
      try db.tableExists("meta")
      ? try String.fetchOne(
        db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [WorkspaceSchema.formatKey])
      : nil
    guard format == WorkspaceSchema.formatValue else {
      throw WorkspaceError.notAWorkspace(path: path, reason: "its Capstan marker is missing")
    }
    let migrator = WorkspaceSchema.migrator
    let applied = try migrator.appliedIdentifiers(db)
    let unknown = applied.subtracting(migrator.migrations)
    guard unknown.isEmpty else {
      throw WorkspaceError.newerSchema(path: path, found: unknown.sorted())
    }
    return try !migrator.hasCompletedMigrations(db)
  }

  /// Settings every connection uses.
  private static func baseConfiguration(wait: Double = 5) -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    // Wait for another writer (a second capstan process) rather than fail at once.
    configuration.busyMode = .timeout(max(0, wait))
    return configuration
  }

  private static func reason(_ error: DatabaseError) -> String {
    switch error.resultCode {
    case .SQLITE_CANTOPEN: "the folder does not exist or cannot be written"
    case .SQLITE_READONLY: "the folder cannot be written"
    case .SQLITE_FULL: "the disk is full"
    default: error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }
  }

  /// Removes a half-created workspace and its WAL files.
  private static func removeFiles(of path: String) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }
}
