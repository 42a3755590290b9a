import Dispatch

/// Runs the workspace's blocking calls (SQLite, the PostgreSQL bridge) off Swift's
/// cooperative threads, so a slow query never stalls the server's other requests.
enum Blocking {
  private static let queue = DispatchQueue(label: "capstan.server.store", attributes: .concurrent)

  static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async { continuation.resume(with: Result { try body() }) }
    }
  }
}
