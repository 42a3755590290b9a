import CapstanModel
import GRDB

/// A problem specific to the SQLite workspace file, beyond those of `WorkspaceError`.
public enum StoreError: Error, Equatable, CustomStringConvertible {
  /// `create` was asked for a path that is taken.
  case alreadyExists(path: String)
  /// The file could not be created.
  case cannotCreate(path: String, reason: String)
  /// A stored row cannot be turned back into a model value.
  case unreadableRow(table: String, key: String, problem: String)
  /// A workspace location this version cannot open.
  case unsupportedLocation(String, reason: String)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .alreadyExists(let path):
      return "\(path) already exists; open it, or choose another path for the new workspace"
    case .cannotCreate(let path, let reason):
      return "cannot create a workspace at \(path): \(reason)"
    case .unreadableRow(let table, let key, let problem):
      return
        "the workspace cannot be read: \(table) row \(key) \(problem) "
        + "(was it written by a newer version of Capstan?)"
    case .unsupportedLocation(let location, let reason):
      return "cannot open the workspace \(location): \(reason)"
    }
  }
}

/// Runs `body`, turning SQLite's errors into `WorkspaceError.storage` sentences.
///
/// Only `DatabaseError`s are translated: every other error (a ledger failure, a store error)
/// passes through unchanged.
func translatingDatabaseErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as DatabaseError {
    throw WorkspaceError(error)
  }
}

extension WorkspaceError {
  /// The workspace error that tells a user what an SQLite error means.
  init(_ error: DatabaseError) {
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      self = .busy(
        "the workspace is busy: another process is writing to it, longer than this one waits "
          + "(--wait); nothing was written; try again")
    case .SQLITE_READONLY:
      self = .storage("the workspace file cannot be written (read-only file or folder)")
    case .SQLITE_FULL:
      self = .storage("the disk is full; nothing was written")
    case .SQLITE_CONSTRAINT where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE:
      // "UNIQUE constraint failed: stakeholders.name" names the key, not the item: say so.
      let key = (error.message ?? "").components(separatedBy: ": ").last ?? "a key"
      self = .storage(
        "two records would share \(Limits.shown(key)), which must be unique (a name or id "
          + "given twice, perhaps differing only in case); nothing was written")
    default:
      self = .storage(error.message ?? "SQLite error \(error.resultCode.rawValue)")
    }
  }
}
