import CapstanModel
import Foundation
import HTTPTypes
import Hummingbird

/// The one middleware every route passes: it finds the route, signs the caller in by their
/// bearer token or their session cookie, resolves the route's company and stakeholder, asks
/// `AccessPolicy`, and refuses a cookie-signed request that changes something without the
/// CSRF token bound to the cookie.
struct AccessMiddleware: RouterMiddleware {
  typealias Context = ServerContext
  let workspace: any Workspace

  func handle(
    _ request: Request, context: ServerContext,
    next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    guard let path = context.endpointPath,
      let route = ServerRoutes.byKey["\(request.method.rawValue) \(path)"]
    else { throw ServerError.notFound }
    let token = Self.bearer(request)
    let cookies = SessionCookies.read(request)
    // A bearer token wins: an API call never falls back to a cookie.
    let sessionID = token == nil ? cookies[SessionCookies.session] : nil
    // Path parameters arrive as sent: `Ada%20Lovelace` names Ada Lovelace.
    let companyKey = context.parameters.get("company").map { $0.removingPercentEncoding ?? $0 }
    let stakeholderKey = context.parameters.get("stakeholder").map {
      $0.removingPercentEncoding ?? $0
    }
    let workspace = self.workspace
    let now = PasswordLinks.now()
    let (principal, company, stakeholder) = try await Blocking.run {
      () -> (Principal?, Company?, Stakeholder?) in
      guard let user = try Self.user(token: token, session: sessionID, in: workspace, now: now)
      else { return (nil, nil, nil) }
      let directory = try workspace.accessDirectory()
      let principal = Principal(user: user, grants: directory.grants(of: user.id))
      let company = try companyKey.flatMap { Lookup.company($0, in: try workspace.companies()) }
      let stakeholder = try stakeholderKey.flatMap {
        Lookup.stakeholder($0, in: try workspace.stakeholders())
      }
      return (principal, company, stakeholder)
    }
    let decision = AccessPolicy.decide(
      principal, route.access, company: company?.id, stakeholder: stakeholder?.id,
      namesCompany: companyKey != nil, namesStakeholder: stakeholderKey != nil)
    var context = context
    var request = request
    context.sessionID = principal == nil ? nil : sessionID
    context.signInID = cookies[SessionCookies.signIn]
    if route.page, request.headers[.contentType]?.hasPrefix(FormBody.contentType) == true {
      let buffer = try await request.collectBody(upTo: context.maxUploadSize)
      context.form = FormBody.parse(String(decoding: buffer.readableBytesView, as: UTF8.self))
    }
    switch decision {
    case .unauthenticated: throw ServerError.unauthenticated
    case .forbidden: throw ServerError.forbidden
    case .notFound: throw ServerError.notFound
    case .allow(let role):
      if token == nil, request.method != .get, request.method != .head {
        try Self.checkCSRF(request, context)
      }
      let requestID = UUID().uuidString.lowercased()
      if let principal {
        context.access = Authorized(
          principal: principal, role: role, company: company, stakeholder: stakeholder,
          requestID: requestID)
      }
      var response = try await next(request, context)
      if let header = HTTPField.Name("x-request-id") { response.headers[header] = requestID }
      return response
    }
  }

  /// The current user a bearer token, else an active session's id, signs in.
  static func user(token: String?, session: String?, in workspace: any Workspace, now: Int)
    throws -> User?
  {
    if let token {
      return try workspace.accessDirectory().user(tokenHash: APITokens.hash(token))
    }
    guard let session,
      let kept = try workspace.session(hash: APITokens.hash(session)), kept.isActive(at: now)
    else { return nil }
    return try workspace.accessDirectory().user(id: kept.user)
  }

  /// A request without a bearer token that changes something carries the CSRF token bound to
  /// its session cookie (signed in) or its sign-in cookie (the sign-in and password forms):
  /// the form's `csrf` field or the `X-CSRF-Token` header. Refused with 403 otherwise.
  static func checkCSRF(_ request: Request, _ context: ServerContext) throws {
    guard let bound = context.sessionID ?? context.signInID else { throw ServerError.csrf }
    let header = HTTPField.Name("x-csrf-token").flatMap { request.headers[$0] }
    guard let sent = context.form["csrf"] ?? header,
      SessionCookies.same(sent, SessionCookies.csrfToken(for: bound))
    else { throw ServerError.csrf }
  }

  /// The token of `Authorization: Bearer <token>`.
  static func bearer(_ request: Request) -> String? {
    guard let value = request.headers[.authorization] else { return nil }
    let parts = value.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
    let token = parts[1].trimmingCharacters(in: .whitespaces)
    return token.isEmpty ? nil : token
  }
}
