import CapstanModel
import Foundation

/// Where a workspace lives, as the user names it: a file path (`acme.db`), a path with its
/// store's scheme (`sqlite:acme.db`), or a PostgreSQL database
/// (`postgres://USER@HOST:PORT/DB`).
///
/// Every command opens its workspace through one factory, so a store is added here and in
/// that factory, nowhere else in the CLI. The SQLite store is opened here; the PostgreSQL store
/// lives in the `CapstanPostgres` module (so that this module and its users do not link
/// SwiftNIO), whose `WorkspaceStores` opens every location.
public enum WorkspaceLocation: Sendable, Equatable, CustomStringConvertible {
  /// A SQLite workspace file.
  case sqlite(path: String)
  /// A PostgreSQL database, by its URL (`postgres://` or `postgresql://`).
  case postgres(url: String)

  /// The location `text` names; a bare path is a SQLite file.
  public init(_ text: String) throws(StoreError) {
    if text.hasPrefix("sqlite:") {
      let path = String(text.dropFirst("sqlite:".count))
      guard !path.isEmpty else { throw .unsupportedLocation(text, reason: "it names no file") }
      self = .sqlite(path: path)
    } else if let scheme = Self.scheme(of: text) {
      guard ["postgres", "postgresql"].contains(scheme.lowercased()) else {
        throw .unsupportedLocation(
          text, reason: "the \(scheme) store is not part of this version of Capstan")
      }
      self = .postgres(url: text)
    } else {
      self = .sqlite(path: text)
    }
  }

  /// The location as the user would write it (a URL's password shown as `***`).
  public var description: String {
    switch self {
    case .sqlite(let path):
      return path
    case .postgres(let url):
      guard var components = URLComponents(string: url), components.password != nil else {
        return url
      }
      components.password = "***"
      return components.string ?? url
    }
  }

  /// Opens the existing workspace, waiting up to `wait` seconds for another writer.
  public func open(wait: Double = 5) throws -> any Workspace {
    switch self {
    case .sqlite(let path): try SQLiteWorkspace.open(at: path, wait: wait)
    case .postgres: throw Self.needsServerStore(self)
    }
  }

  /// Creates an empty workspace; the location must not hold one already.
  @discardableResult
  public func create() throws -> any Workspace {
    switch self {
    case .sqlite(let path): try SQLiteWorkspace.create(at: path)
    case .postgres: throw Self.needsServerStore(self)
    }
  }

  /// The refusal of a server location by this module, which has only the SQLite store.
  private static func needsServerStore(_ location: WorkspaceLocation) -> StoreError {
    .unsupportedLocation(
      location.description,
      reason: "the PostgreSQL store is in the CapstanPostgres module (WorkspaceStores)")
  }

  /// The URL scheme `text` starts with (`postgres` in `postgres://host/db`), if any. A
  /// Windows-style drive letter or a plain path has none.
  private static func scheme(of text: String) -> String? {
    guard let range = text.range(of: "://") else { return nil }
    let scheme = text[..<range.lowerBound]
    guard scheme.count > 1, let first = scheme.first, first.isLetter,
      scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) })
    else { return nil }
    return String(scheme)
  }
}
