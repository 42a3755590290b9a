import CapstanModel
import Foundation
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously, as the `Workspace` protocol is.
///
/// postgres-nio is asynchronous: its connection lives on a SwiftNIO event loop. This bridge
/// keeps one private event loop thread for every connection of the process and blocks the
/// calling thread on each query's future (`EventLoopFuture.wait()`). That is safe from any
/// thread that is not the event loop's own, and the loop is private to this type, so no caller
/// can be on it: the CLI's main thread, test threads and `DispatchQueue` workers all may call.
/// One query runs at a time on a connection; `PostgresWorkspace` serialises its callers.
final class BlockingConnection: Sendable {
  /// The event loop every connection runs on (one thread, started on first use, kept for the
  /// life of the process).
  private static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
  private static let logger = Logger(label: "capstan.postgres")

  private let connection: PostgresConnection
  /// The address, for messages.
  let address: PostgresAddress

  private init(connection: PostgresConnection, address: PostgresAddress) {
    self.connection = connection
    self.address = address
  }

  /// A new connection to `address`, without TLS (a team server on a private network or behind
  /// a tunnel; see docs/architecture.md).
  static func connect(to address: PostgresAddress) throws -> BlockingConnection {
    let configuration = PostgresConnection.Configuration(
      host: address.host, port: address.port, username: address.user,
      password: address.password, database: address.database, tls: .disable)
    do {
      let connection = try PostgresConnection.connect(
        on: group.next(), configuration: configuration, id: 1, logger: logger
      ).wait()
      return BlockingConnection(connection: connection, address: address)
    } catch {
      throw WorkspaceError.storage(
        "cannot connect to \(address): \(Self.reason(error))")
    }
  }

  /// Closes the connection without blocking; the close's callback keeps the connection
  /// alive until it is closed (postgres-nio requires that a connection be closed before it is
  /// released).
  deinit {
    let connection = self.connection
    let closing: EventLoopFuture<Void> = connection.close()
    closing.whenComplete { _ in _ = connection }
  }

  /// Runs `query` and returns its rows.
  @discardableResult
  func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
    do {
      return try connection.query(query, logger: Self.logger).wait().rows
    } catch {
      throw Self.translated(error)
    }
  }

  /// Runs a statement given as text, with no parameters (DDL, BEGIN, COMMIT).
  func execute(_ sql: String) throws {
    try rows(PostgresQuery(unsafeSQL: sql))
  }

  /// Runs `body` inside one transaction: committed when it returns, rolled back when it
  /// throws (the error is rethrown unchanged).
  func transaction<T>(readOnly: Bool = false, _ body: () throws -> T) throws -> T {
    try execute(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// A workspace error stating what the server or the connection reported.
  static func translated(_ error: any Error) -> any Error {
    guard let psql = error as? PSQLError else {
      if error is WorkspaceError { return error }
      return WorkspaceError.storage(reason(error))
    }
    switch psql.serverInfo?[.sqlState] {
    case "23505":
      let key = psql.serverInfo?[.constraintName] ?? "a key"
      return WorkspaceError.storage(
        "two records would share \(key), which must be unique (a name or id given twice, "
          + "perhaps differing only in case); nothing was written")
    case "40001", "40P01":
      return WorkspaceError.busy(
        "the workspace is busy: another writer conflicted with this one; nothing was written; "
          + "try again")
    default:
      return WorkspaceError.storage(reason(error))
    }
  }

  /// The server's message, or the connection's error, as one line.
  static func reason(_ error: any Error) -> String {
    guard let psql = error as? PSQLError else { return "\(error)" }
    if let message = psql.serverInfo?[.message] {
      let state = psql.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
      return message + state
    }
    if let underlying = psql.underlying { return "\(psql.code): \(underlying)" }
    return "\(psql.code)"
  }
}
