import CapstanModel
import HTTPTypes
import Hummingbird

/// One route of the API: the router, the access middleware and `/openapi.json` are all made
/// from the one list of these (`ServerRoutes.all`).
struct Route: Sendable {
  /// The HTTP method.
  var method: HTTPRequest.Method
  /// The path, with parameters in braces: `/companies/{company}/table`.
  var path: String
  /// What the caller must be.
  var access: RouteAccess
  /// One line for the OpenAPI document.
  var summary: String
  /// The query parameters it reads, with a line each.
  var query: [(name: String, about: String)] = []
  /// Whether it takes a JSON body.
  var takesBody = false
  /// The status of a success.
  var success: HTTPResponse.Status = .ok
  /// Whether it is an HTML page (left out of `/openapi.json`; its errors are pages, and a
  /// caller not signed in is sent to the sign-in page).
  var page = false
  /// Answers an allowed request.
  var handler: @Sendable (Request, ServerContext, ServerState) async throws -> Response

  /// The path's parameters, in order (`company`, `stakeholder`).
  var parameters: [String] {
    path.split(separator: "/").compactMap { part in
      part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
    }
  }

  /// The key the access middleware finds the route by: `GET /companies/{company}/table`.
  var key: String { "\(method.rawValue) \(path)" }
}

/// What every handler shares: the workspace and the company cache.
struct ServerState: Sendable {
  /// The workspace served.
  let workspace: any Workspace
  /// The replayed tables.
  let cache: CompanyCache
  /// The cookies' attributes (`Secure` unless on loopback).
  var cookies = SessionCookies(host: "127.0.0.1")
  /// Failed sign-ins per e-mail and address.
  var limiter = SignInLimiter()
  /// How long a browser session lasts, in seconds.
  var sessionLifetime = BrowserSession.defaultLifetime
}
