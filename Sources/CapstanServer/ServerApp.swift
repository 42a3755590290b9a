import CapstanModel
import Hummingbird
import Logging

/// The team server (`capstan serve`, docs/server.md): the JSON API over a workspace.
public enum ServerApp {
  /// Request bodies larger than this are refused with 413 (an issuance is a few hundred bytes).
  public static let maxBodyBytes = 64 * 1024

  /// The application serving `workspace` on `host`:`port` (port 0: any free one; the
  /// application's `onServerRunning` callback learns which); `X-Forwarded-For` is read only
  /// from the `trustedProxies` addresses.
  public static func build(
    workspace: any Workspace, host: String = "127.0.0.1", port: Int = 8080,
    trustedProxies: Set<String> = [],
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    var logger = Logger(label: "capstan.serve")
    logger.logLevel = .warning
    return Application(
      router: router(workspace: workspace, host: host, trustedProxies: trustedProxies),
      configuration: .init(address: .hostname(host, port: port), serverName: "capstan"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }

  /// Builds the application and runs it until SIGTERM or SIGINT (`capstan serve`).
  public static func serve(
    workspace: any Workspace, host: String, port: Int, trustedProxies: Set<String> = [],
    onServerRunning: @escaping @Sendable (Int) async -> Void
  ) async throws {
    try await build(
      workspace: workspace, host: host, port: port, trustedProxies: trustedProxies,
      onServerRunning: onServerRunning
    ).runService()
  }

  /// The router: the error middleware, the pages' error middleware, the forwarded-for
  /// middleware, the access middleware, then every route of `ServerRoutes.all`.
  static func router(
    workspace: any Workspace, host: String = "127.0.0.1", trustedProxies: Set<String> = []
  ) -> Router<ServerContext> {
    let state = ServerState(
      workspace: workspace, cache: CompanyCache(workspace: workspace),
      cookies: SessionCookies(host: host))
    let router = Router(context: ServerContext.self)
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: PageErrorMiddleware())
    router.add(middleware: ForwardedForMiddleware(trusted: trustedProxies))
    router.add(middleware: AccessMiddleware(workspace: workspace))
    for route in ServerRoutes.all {
      let handler = route.handler
      router.on(RouterPath(route.path), method: route.method) { request, context in
        try await handler(request, context, state)
      }
    }
    return router
  }
}
