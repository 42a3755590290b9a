import CapstanModel
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import CapstanServer

/// A browser's memory in the page tests: its cookies, kept from each response's `Set-Cookie`
/// (a `Max-Age=0` deletes one), sent with each request.
final class CookieJar: @unchecked Sendable {
  var cookies: [String: String] = [:]

  /// The request headers: the cookies, and `extra`.
  func headers(_ extra: HTTPFields = [:]) -> HTTPFields {
    var fields = extra
    if !cookies.isEmpty {
      fields[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }
        .joined(separator: "; ")
    }
    return fields
  }

  /// Keeps the response's cookies.
  func absorb(_ response: TestResponse) {
    for value in response.headers[values: .setCookie] {
      let first = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
      let name = String(first[0])
      let kept = first.count > 1 ? String(first[1]) : ""
      if value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = kept }
    }
  }

  /// GETs `uri`, keeping the cookies.
  func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
    let response = try await client.executeRequest(
      uri: uri, method: .get, headers: headers(), body: nil)
    absorb(response)
    return response
  }

  /// POSTs a form, keeping the cookies.
  func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)])
    async throws -> TestResponse
  {
    var extra = HTTPFields()
    extra[.contentType] = "application/x-www-form-urlencoded"
    let body = fields.map { name, value in
      "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
    }.joined(separator: "&")
    let response = try await client.executeRequest(
      uri: uri, method: .post, headers: headers(extra), body: ByteBuffer(string: body))
    absorb(response)
    return response
  }

  /// Opens the sign-in page and posts the form: the response to the POST.
  func signIn(_ client: any TestClientProtocol, _ email: String, _ password: String)
    async throws -> TestResponse
  {
    let form = try await get(client, "/sign-in")
    return try await post(
      client, "/sign-in",
      [("email", email), ("password", password), ("csrf", csrfToken(in: text(form)))])
  }
}

/// The value of the page's hidden `csrf` field ("" when it has none).
func csrfToken(in page: String) -> String {
  field("csrf", in: page)
}

/// The value of the page's input named `name` ("" when it has none).
func field(_ name: String, in page: String) -> String {
  let marker = "name=\"\(name)\" value=\""
  guard let start = page.range(of: marker) else { return "" }
  let rest = page[start.upperBound...]
  return String(rest.prefix { $0 != "\"" })
}

/// A password for the tests (14 characters, over the minimum of 12).
let testPassword = "correct horse1"

extension ServerFixture {
  /// Sets `caller`'s password directly (as `user reset --password-stdin` does).
  func setPassword(_ caller: Caller, _ password: String = testPassword) throws {
    let hash = try Passwords.hash(password)
    try workspace.write { draft in
      try draft.setPassword(for: "\(caller.rawValue)@acme.example", hash: hash)
    }
  }
}
