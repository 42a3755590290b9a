import CapstanModel
import Foundation
import HTTPTypes
import Hummingbird

/// The one middleware every route passes: it finds the route, signs the caller in by their
/// bearer token, resolves the route's company and stakeholder, and asks `AccessPolicy`.
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
    // Path parameters arrive as sent: `Ada%20Lovelace` names Ada Lovelace.
    let companyKey = context.parameters.get("company").map { $0.removingPercentEncoding ?? $0 }
    let stakeholderKey = context.parameters.get("stakeholder").map {
      $0.removingPercentEncoding ?? $0
    }
    let workspace = self.workspace
    let (principal, company, stakeholder) = try await Blocking.run {
      () -> (Principal?, Company?, Stakeholder?) in
      guard let token else { return (nil, nil, nil) }
      let directory = try workspace.accessDirectory()
      guard let user = directory.user(tokenHash: APITokens.hash(token)) else {
        return (nil, nil, nil)
      }
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
    switch decision {
    case .unauthenticated: throw ServerError.unauthenticated
    case .forbidden: throw ServerError.forbidden
    case .notFound: throw ServerError.notFound
    case .allow(let role):
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

  /// The token of `Authorization: Bearer <token>`.
  static func bearer(_ request: Request) -> String? {
    guard let value = request.headers[.authorization] else { return nil }
    let parts = value.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
    let token = parts[1].trimmingCharacters(in: .whitespaces)
    return token.isEmpty ? nil : token
  }
}
