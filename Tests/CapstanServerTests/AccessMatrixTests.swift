import CapstanModel
import CapstanTestSupport
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import CapstanServer

/// Every route as every caller: allowed, or refused with 401 (no valid token), 403 (the role
/// may not) or 404 (no role in the company, or another holder's stakeholder).
@Suite struct AccessMatrixTests {
  /// The expected status of each route for each caller, written from the roles' definitions
  /// (issue 20 item 3), not from the server: a summary sees totals only, a holder their own
  /// stakeholder, the outsider has no role in Acme AI, only the workspace admin reads the audit.
  static let expected: [String: [Caller: Int]] = {
    let read: [Caller: Int] = [
      .root: 200, .admin: 200, .editor: 200, .viewer: 200, .summary: 403, .holder: 403,
      .outsider: 404, .nobody: 401, .forged: 401,
    ]
    var own = read
    own[.holder] = 200
    var table = read
    table[.summary] = 200
    var write = read
    for caller in [Caller.root, .admin, .editor] { write[caller] = 201 }
    write[.viewer] = 403
    return [
      "GET /companies": [
        .root: 200, .admin: 200, .editor: 200, .viewer: 200, .summary: 200, .holder: 200,
        .outsider: 200, .nobody: 401, .forged: 401,
      ],
      "GET /companies/{company}/table": table,
      "GET /companies/{company}/ledger": read,
      "GET /companies/{company}/stakeholders/{stakeholder}/holdings": own,
      "GET /companies/{company}/convertibles": read,
      "GET /companies/{company}/vesting": own,
      "POST /companies/{company}/issuances": write,
      "GET /audit": [
        .root: 200, .admin: 403, .editor: 403, .viewer: 403, .summary: 403, .holder: 403,
        .outsider: 403, .nobody: 401, .forged: 401,
      ],
      "GET /openapi.json": Dictionary(uniqueKeysWithValues: Caller.allCases.map { ($0, 200) }),
    ].merging(pages) { first, _ in first }
  }()

  /// The pages, called with a bearer token as the API is (`PageTests` signs in with cookies):
  /// the same roles, but a caller not signed in is sent to the sign-in page (303) instead of
  /// 401. A form posted without a bearer token and without the CSRF token bound to a cookie
  /// is refused (403: `nobody` has neither); with a token, the empty sign-in and password
  /// forms are refused as incomplete (400).
  static let pages: [String: [Caller: Int]] = {
    func signedIn(_ status: Int) -> [Caller: Int] {
      var row = Dictionary(uniqueKeysWithValues: Caller.allCases.map { ($0, status) })
      row[.nobody] = 303
      row[.forged] = 303
      return row
    }
    let everyone = Dictionary(uniqueKeysWithValues: Caller.allCases.map { ($0, 200) })
    var read = signedIn(200)
    read[.summary] = 403
    read[.holder] = 403
    read[.outsider] = 404
    var own = read
    own[.holder] = 200
    var overview = read
    overview[.summary] = 200
    var signIn = Dictionary(uniqueKeysWithValues: Caller.allCases.map { ($0, 400) })
    signIn[.nobody] = 403
    var setPassword = Dictionary(uniqueKeysWithValues: Caller.allCases.map { ($0, 400) })
    setPassword[.nobody] = 403
    return [
      "GET /sign-in": everyone, "POST /sign-in": signIn, "POST /sign-out": signedIn(303),
      "GET /set-password": everyone, "POST /set-password": setPassword, "GET /": signedIn(200),
      "GET /web/companies/{company}": overview, "GET /web/companies/{company}/ledger": read,
      "GET /web/companies/{company}/vesting": own,
      "GET /web/companies/{company}/stakeholders/{stakeholder}": own,
    ]
  }()

  /// The path of a route for the matrix: Acme AI, and Ada (the holder's own stakeholder).
  static func uri(_ path: String) -> String {
    path.replacingOccurrences(of: "{company}", with: ServerFixture.company)
      .replacingOccurrences(of: "{stakeholder}", with: SampleCompany.ada.rawValue)
  }

  @Test func theMatrixCoversEveryRoute() {
    let routes = Set(ServerRoutes.all.map(\.key))
    #expect(Set(Self.expected.keys) == routes)
    for (key, row) in Self.expected { #expect(Set(row.keys) == Set(Caller.allCases), "\(key)") }
  }

  @Test func sqlite() async throws { try await Self.run(try ServerFixture.sqlite()) }

  static func run(_ fixture: ServerFixture) async throws {
    try await fixture.withServer { client in
      for route in ServerRoutes.all {
        for caller in Caller.allCases {
          let response = try await client.executeRequest(
            uri: uri(route.path), method: route.method, headers: fixture.headers(caller),
            body: route.takesBody ? issuanceBody() : nil)
          let want = try #require(expected[route.key]?[caller])
          #expect(
            Int(response.status.code) == want,
            "\(route.key) as \(caller): \(response.status.code) \(text(response))")
          if route.page {
            // A page's refusal is a page; a redirect sends the browser to sign in.
            if response.status.code == 303 {
              #expect(response.headers[.location] == "/sign-in", "\(route.key)")
            } else {
              #expect(text(response).hasPrefix("<!doctype html>"), "\(route.key)")
            }
          } else if response.status.code >= 400 {
            // Every refusal is the JSON error document.
            let body = try object(response)
            #expect(body["error"] is String && body["message"] is String, "\(route.key)")
          }
        }
      }
    }
  }
}
