import CapstanModel
import CapstanReports
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An HTML page of the team server: rendered from a template, served with a strict
/// Content-Security-Policy (no script, no outside resource, no framing), never cached.
enum Page {
  /// The policy: nothing but the page's own inline style and forms posting to itself.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    + "frame-ancestors 'none'; base-uri 'none'"

  /// The page `template` with `values` (and the signed-in user's bar from `context`).
  static func response(
    _ template: String, _ values: [String: Any], context: ServerContext,
    status: HTTPResponse.Status = .ok
  ) -> Response {
    var values = values
    if let access = context.access, let bound = context.sessionID {
      values["user"] = [
        "email": access.principal.user.email, "csrf": SessionCookies.csrfToken(for: bound),
      ]
    }
    return html(PageTemplates.render(template, values), status: status)
  }

  /// An HTML response with the page's headers.
  static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/html; charset=utf-8"
    headers[.cacheControl] = "no-store"
    headers[.contentSecurityPolicy] = contentSecurityPolicy
    if let name = HTTPField.Name("x-content-type-options") { headers[name] = "nosniff" }
    if let name = HTTPField.Name("referrer-policy") { headers[name] = "no-referrer" }
    if let name = HTTPField.Name("x-frame-options") { headers[name] = "DENY" }
    return Response(
      status: status, headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  /// A redirect after a form (303: the browser follows with GET).
  static func redirect(to location: String, cookies: [String] = []) -> Response {
    var headers = HTTPFields()
    headers[.location] = location
    headers[.cacheControl] = "no-store"
    for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
    return Response(status: .seeOther, headers: headers)
  }

  /// A page with one message (an error's, or a confirmation).
  static func message(
    _ title: String, _ message: String, context: ServerContext, isError: Bool,
    status: HTTPResponse.Status = .ok, link: (href: String, label: String)? = nil
  ) -> Response {
    var values: [String: Any] = ["title": title, "message": message, "isError": isError]
    if let link { values["link"] = ["href": link.href, "label": link.label] }
    return response("message", values, context: context, status: status)
  }

  /// A path segment for an id (ids are slugs; anything else is percent-encoded).
  static func segment(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"]))
      ?? text
  }
}

/// Turns page routes' errors into pages: a caller not signed in is sent to the sign-in page,
/// any other error is a page with the error's sentence and status. Other routes' errors pass
/// on to `ErrorMiddleware` (JSON).
struct PageErrorMiddleware: RouterMiddleware {
  typealias Context = ServerContext

  func handle(
    _ request: Request, context: ServerContext,
    next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch {
      guard let path = context.endpointPath,
        ServerRoutes.byKey["\(request.method.rawValue) \(path)"]?.page == true
      else { throw error }
      let failure = ServerError.from(error)
      if failure.status == .unauthorized { return Page.redirect(to: "/sign-in") }
      return Page.message(
        failure.status.reasonPhrase, failure.message, context: context, isError: true,
        status: failure.status, link: ("/", "Back to your companies"))
    }
  }
}
