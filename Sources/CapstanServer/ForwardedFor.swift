import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Names the client behind a reverse proxy the server was told to trust (`serve
/// --trust-proxy ADDRESS`): for a request whose connection comes from a trusted address, the
/// audit's "from" is the last address of its `X-Forwarded-For` that is not a trusted proxy.
/// From any other peer the header is ignored (anyone can send it), and so it is when the
/// server trusts no proxy, the default.
struct ForwardedForMiddleware: RouterMiddleware {
  typealias Context = ServerContext
  /// The proxies' addresses, as `SocketAddress.ipAddress` writes them.
  let trusted: Set<String>

  func handle(
    _ request: Request, context: ServerContext,
    next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    guard !trusted.isEmpty, let peer = context.remoteAddress?.ipAddress, trusted.contains(peer),
      let name = HTTPField.Name("X-Forwarded-For")
    else { return try await next(request, context) }
    var context = context
    context.forwardedClient = ForwardedFor.client(
      request.headers[values: name].joined(separator: ","), trusting: trusted)
    return try await next(request, context)
  }
}

/// The client an `X-Forwarded-For` chain names.
enum ForwardedFor {
  /// The address in `header` (comma-separated, each proxy appending its peer) nearest the
  /// server that is not one of `trusted`; nil when it holds none, or when that entry is not an
  /// IP address (a value a client made up, passed on by the proxy).
  static func client(_ header: String, trusting trusted: Set<String>) -> String? {
    let entries = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    for entry in entries.reversed() where !entry.isEmpty {
      guard let address = canonical(entry) else { return nil }
      if !trusted.contains(address) { return address }
    }
    return nil
  }

  /// The address as `SocketAddress.ipAddress` writes it, or nil when `text` is not an IPv4 or
  /// IPv6 address.
  static func canonical(_ text: String) -> String? {
    guard text.count <= 64 else { return nil }
    return (try? SocketAddress(ipAddress: text, port: 0))?.ipAddress
  }
}

extension ServerApp {
  /// `text` as the server compares peers' addresses (`::1`, `127.0.0.1`), or nil when it is
  /// not an IP address (`serve --trust-proxy` checks its values with it).
  public static func ipAddress(_ text: String) -> String? {
    ForwardedFor.canonical(text.trimmingCharacters(in: .whitespaces))
  }
}
