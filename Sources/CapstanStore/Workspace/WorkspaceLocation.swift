import CapstanModel

/// Where a workspace lives, as the user names it: a file path (`acme.db`), a path with its
/// store's scheme (`sqlite:acme.db`), or a server (`postgres://...`, not supported yet).
///
/// Every command opens its workspace through `open(wait:)` and `create()`, so a second store
/// is added here and nowhere in the CLI.
public enum WorkspaceLocation: Sendable, Equatable, CustomStringConvertible {
  /// A SQLite workspace file.
  case sqlite(path: String)

  /// The location `text` names; a bare path is a SQLite file.
  public init(_ text: String) throws(StoreError) {
    if text.hasPrefix("sqlite:") {
      let path = String(text.dropFirst("sqlite:".count))
      guard !path.isEmpty else { throw .unsupportedLocation(text, reason: "it names no file") }
      self = .sqlite(path: path)
    } else if let scheme = Self.scheme(of: text) {
      throw .unsupportedLocation(
        text, reason: "the \(scheme) store is not part of this version of Capstan")
    } else {
      self = .sqlite(path: text)
    }
  }

  /// The location as the user would write it.
  public var description: String {
    switch self {
    case .sqlite(let path): path
    }
  }

  /// Opens the existing workspace, waiting up to `wait` seconds for another writer.
  public func open(wait: Double = 5) throws -> any Workspace {
    switch self {
    case .sqlite(let path): try SQLiteWorkspace.open(at: path, wait: wait)
    }
  }

  /// Creates an empty workspace; the location must not hold one already.
  @discardableResult
  public func create() throws -> any Workspace {
    switch self {
    case .sqlite(let path): try SQLiteWorkspace.create(at: path)
    }
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
