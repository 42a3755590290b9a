import CapstanModel
import Foundation
import HTTPTypes
import Hummingbird

/// The browser's cookies: `capstan_session` (a signed-in session's id) and `capstan_signin`
/// (before sign-in: what the sign-in and password forms' CSRF token is bound to). Both
/// `HttpOnly`, `SameSite=Strict`, `Path=/`, and `Secure` unless the server listens on a
/// loopback address (docs/server.md: behind a TLS proxy, the browser sees HTTPS).
struct SessionCookies: Sendable {
  /// The session cookie's name.
  static let session = "capstan_session"
  /// The pre-sign-in cookie's name.
  static let signIn = "capstan_signin"
  /// How long the pre-sign-in cookie lasts: an hour.
  static let signInLifetime = 3600

  /// Whether cookies carry `Secure`.
  var secure: Bool

  /// Cookies for a server listening on `host`: `Secure` unless `host` is a loopback address.
  init(host: String) {
    let loopback = host == "localhost" || host == "::1" || host.hasPrefix("127.")
    secure = !loopback
  }

  /// A new random id (32 bytes from the system's secure source, 64 hex digits).
  static func newID() -> String { String(APITokens.make().dropFirst(4)) }

  /// The CSRF token of the forms of the session or pre-sign-in cookie `id`: derived from the
  /// id (which only the browser and the server know), so it is bound to it.
  static func csrfToken(for id: String) -> String { APITokens.hash("capstan-csrf:" + id) }

  /// Whether two tokens are equal, in time that does not depend on where they differ.
  static func same(_ left: String, _ right: String) -> Bool {
    let a = Array(left.utf8)
    let b = Array(right.utf8)
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices { difference |= a[index] ^ b[index] }
    return difference == 0
  }

  /// The request's cookies, by name (the first of a repeated name).
  static func read(_ request: Request) -> [String: String] {
    var cookies: [String: String] = [:]
    for field in request.headers[values: .cookie] {
      for part in field.split(separator: ";") {
        let pair = part.split(separator: "=", maxSplits: 1)
        guard pair.count == 2 else { continue }
        let name = pair[0].trimmingCharacters(in: .whitespaces)
        if cookies[name] == nil {
          cookies[name] = pair[1].trimmingCharacters(in: .whitespaces)
        }
      }
    }
    return cookies
  }

  /// A `Set-Cookie` value: `name=value` with the attributes above, lasting `maxAge` seconds
  /// (0: delete it).
  func header(_ name: String, _ value: String, maxAge: Int) -> String {
    var text = "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict"
    if secure { text += "; Secure" }
    return text
  }
}
