import CapstanModel
import CapstanTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CapstanServer

/// `serve --trust-proxy`: `X-Forwarded-For` names the audit's "from" only when the connection
/// comes from a trusted proxy; and the issuance's ledger row points at the request's audit
/// record.
@Suite struct ForwardedForTests {
  @Test func theChainIsReadFromTheServerSide() {
    let trusted: Set<String> = ["127.0.0.1", "10.0.0.2"]
    #expect(ForwardedFor.client("203.0.113.9", trusting: trusted) == "203.0.113.9")
    // A client may prepend anything; the proxies append: the nearest untrusted entry counts.
    #expect(
      ForwardedFor.client("198.51.100.1, 203.0.113.9, 10.0.0.2", trusting: trusted)
        == "203.0.113.9")
    #expect(ForwardedFor.client("2001:db8::7", trusting: trusted) == "2001:db8::7")
    #expect(ForwardedFor.client("evil\"; DROP", trusting: trusted) == nil)
    #expect(ForwardedFor.client("", trusting: trusted) == nil)
    #expect(ForwardedFor.client("127.0.0.1", trusting: trusted) == nil)
    #expect(ServerApp.ipAddress(" ::1 ") == "::1")
    #expect(ServerApp.ipAddress("localhost") == nil)
  }

  /// The audit's "from" of one issuance with `X-Forwarded-For: 203.0.113.9`, the server
  /// trusting `trusted`; also checks the ledger row's audit pointer.
  private func from(trusting trusted: Set<String>) async throws -> String? {
    let fixture = try ServerFixture.sqlite()
    let app = ServerApp.build(
      workspace: fixture.workspace, host: "127.0.0.1", port: 0, trustedProxies: trusted)
    return try await app.test(.live) { client in
      var headers = fixture.headers(.editor)
      headers[try #require(HTTPField.Name("X-Forwarded-For"))] = "203.0.113.9"
      let response = try await client.executeRequest(
        uri: "/companies/acme-ai/issuances", method: .post, headers: headers,
        body: issuanceBody())
      #expect(response.status == .created, "\(text(response))")
      let header = try #require(HTTPField.Name("x-request-id"))
      let requestID = try #require(response.headers[header])
      let ledger = try fixture.workspace.ledger(for: "acme-ai")
      let sequence = try #require(ledger.transactions.map(\.sequence).max())
      let record = try #require(
        try fixture.workspace.auditRecord(ofTransaction: sequence, company: "acme-ai"))
      #expect(record.requestID == requestID)
      #expect(record.who == "editor-acme-example")
      return record.from
    }
  }

  @Test func aTrustedProxyNamesTheClient() async throws {
    #expect(try await from(trusting: ["127.0.0.1"]) == "203.0.113.9")
  }

  @Test func anUntrustedPeersHeaderIsIgnored() async throws {
    #expect(try await from(trusting: []) == "127.0.0.1")
    #expect(try await from(trusting: ["192.0.2.1"]) == "127.0.0.1")
  }
}
