import CapstanModel
import CapstanPostgres
import CapstanStore
import CapstanTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import CapstanServer

/// Who calls in the tests: a workspace administrator, each role in Acme AI, a user whose only
/// role is in another company, nobody (no token) and a made-up token.
enum Caller: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case root, admin, editor, viewer, summary, holder, outsider, nobody, forged
  var testDescription: String { rawValue }
}

/// A workspace with the sample company (Acme AI: Ada, Grace, Seed Fund I), a second company
/// (Other Co), and a user with a token for each caller.
struct ServerFixture: Sendable {
  let workspace: any Workspace
  let tokens: [Caller: String]
  static let company = "acme-ai"
  static let other = "other-co"

  init(_ workspace: any Workspace) throws {
    self.workspace = workspace
    var tokens: [Caller: String] = [.forged: APITokens.make()]
    try workspace.write { draft in
      let company = try SampleCompany.record(in: &draft)
      let other = try draft.addCompany(
        name: "Other Co", currency: .usd, incorporated: day("2024-03-01"))
      let roles: [(Caller, Role?, Company.ID)] = [
        (.root, nil, company), (.admin, .admin, company), (.editor, .editor, company),
        (.viewer, .viewer, company), (.summary, .summary, company), (.holder, .holder, company),
        (.outsider, .viewer, other.id),
      ]
      for (caller, role, target) in roles {
        let email = "\(caller.rawValue)@acme.example"
        try draft.addUser(email: email, isAdmin: caller == .root)
        if let role {
          try draft.grant(
            role, to: email, company: target,
            stakeholder: role == .holder ? "Ada Lovelace" : nil)
        }
        let token = APITokens.make()
        try draft.addToken(for: email, id: caller.rawValue, hash: APITokens.hash(token))
        tokens[caller] = token
      }
    }
    self.tokens = tokens
  }

  /// A fixture on a new SQLite file.
  static func sqlite() throws -> ServerFixture {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("capstan-serve-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let location = try WorkspaceLocation("sqlite:\(folder.path)/serve.db")
    return try ServerFixture(try location.create())
  }

  /// A fixture on a new database of the suite's PostgreSQL server.
  static func postgres() throws -> ServerFixture {
    let server = try #require(PostgresServer.current)
    let location = try WorkspaceLocation(try server.createDatabase())
    return try ServerFixture(try WorkspaceStores.create(location))
  }

  /// The headers of `caller`'s requests.
  func headers(_ caller: Caller) -> HTTPFields {
    var fields = HTTPFields()
    if let token = tokens[caller] { fields[.authorization] = "Bearer \(token)" }
    return fields
  }

  /// Runs `body` with a client of the server on a free loopback port.
  func withServer<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T)
    async throws -> T
  {
    try await ServerApp.build(workspace: workspace, host: "127.0.0.1", port: 0).test(.live, body)
  }
}

/// An issuance body: 1,000 common to Grace at $0.50 on 2025-06-01.
func issuanceBody() -> ByteBuffer {
  ByteBuffer(
    string:
      #"{"holder": "Grace Hopper", "shares": "1,000", "class": "Common", "price": "0.50", "date": "2025-06-01"}"#
  )
}

/// A response body as text.
func text(_ response: TestResponse) -> String { String(buffer: response.body) }

/// A response body as a JSON object.
func object(_ response: TestResponse) throws -> [String: Any] {
  try #require(
    try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
      as? [String: Any])
}
