import CapstanStore
import Foundation

/// A PostgreSQL workspace as the user names it: `postgres://USER[:PASSWORD]@HOST[:PORT]/DB`
/// (`postgresql://` is the same). The database holds one Capstan workspace.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
  /// The server's host name or address.
  public var host: String
  /// The server's port (5432 when the URL names none).
  public var port: Int
  /// The role to connect as.
  public var user: String
  /// The role's password, when the URL gives one (trust or peer authentication need none).
  public var password: String?
  /// The database that holds the workspace.
  public var database: String

  /// The address `url` names; a URL without a user, host or database is refused.
  public init(_ url: String) throws(StoreError) {
    guard let components = URLComponents(string: url),
      let scheme = components.scheme?.lowercased(), ["postgres", "postgresql"].contains(scheme)
    else {
      throw .unsupportedLocation(url, reason: "it is not a postgres://USER@HOST:PORT/DB URL")
    }
    let shown = Self.withoutPassword(url)
    guard let host = components.host, !host.isEmpty else {
      throw .unsupportedLocation(shown, reason: "it names no host")
    }
    guard let user = components.user, !user.isEmpty else {
      throw .unsupportedLocation(shown, reason: "it names no user (postgres://USER@HOST/DB)")
    }
    let database = String(components.path.drop { $0 == "/" })
    guard !database.isEmpty, !database.contains("/") else {
      throw .unsupportedLocation(shown, reason: "it names no database (postgres://USER@HOST/DB)")
    }
    self.host = host
    self.port = components.port ?? 5432
    self.user = user
    self.password = components.password
    self.database = database
  }

  /// The URL without its password, as messages show it.
  public var description: String {
    "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
  }

  /// `url` with any password replaced by `***`, for messages about a URL that did not parse.
  static func withoutPassword(_ url: String) -> String {
    guard let components = URLComponents(string: url), components.password != nil else {
      return url
    }
    var shown = components
    shown.password = "***"
    return shown.string ?? url
  }
}
