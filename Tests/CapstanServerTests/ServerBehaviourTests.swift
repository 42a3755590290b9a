import CapstanModel
import CapstanTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import CapstanServer

/// What callers see: a holder only their own rows (IDOR attempts are not found), a summary
/// no holder's row, bad bodies refused, and an editor's write audited with the user.
@Suite struct ServerBehaviourTests {
  @Test func aHolderSeesOnlyTheirOwnRows() async throws {
    let fixture = try ServerFixture.sqlite()
    try await fixture.withServer { client in
      let holder = fixture.headers(.holder)
      // Another holder's stakeholder, an unknown one, another company, an unknown company:
      // all the same 404, so nothing says which exist.
      var refusals: [String] = []
      for uri in [
        "/companies/acme-ai/stakeholders/grace-hopper/holdings",
        "/companies/acme-ai/stakeholders/nobody-at-all/holdings",
        "/companies/other-co/vesting",
        "/companies/no-such-co/vesting",
        "/companies/acme-ai'%20OR%201=1--/vesting",
      ] {
        let response = try await client.executeRequest(
          uri: uri, method: .get, headers: holder, body: nil)
        #expect(response.status == .notFound, "\(uri)")
        refusals.append(text(response))
      }
      #expect(Set(refusals).count == 1)
      // The full table and the ledger: refused for the role.
      let table = try await client.executeRequest(
        uri: "/companies/acme-ai/table", method: .get, headers: holder, body: nil)
      #expect(table.status == .forbidden)
      // Their vesting and holdings: Ada's rows only (Grace also holds vesting stock).
      let vesting = try await client.executeRequest(
        uri: "/companies/acme-ai/vesting?asOf=2025-06-30", method: .get, headers: holder, body: nil)
      #expect(vesting.status == .ok)
      #expect(text(vesting).contains("Ada Lovelace"))
      #expect(!text(vesting).contains("Grace"))
      let holdings = try await client.executeRequest(
        uri: "/companies/acme-ai/stakeholders/Ada%20Lovelace/holdings?asOf=2025-06-30",
        method: .get, headers: holder, body: nil)
      #expect(holdings.status == .ok)
      #expect(text(holdings).contains("CS-1"))
      #expect(!text(holdings).contains("Grace") && !text(holdings).contains("Seed Fund"))
      // The companies list names only Acme AI.
      let companies = try await client.executeRequest(
        uri: "/companies", method: .get, headers: holder, body: nil)
      #expect(text(companies).contains("Acme AI") && !text(companies).contains("Other Co"))
    }
  }

  /// The later-entries note of a holder's views gives the count and date only: its summary
  /// names securities (`issue CS-4`) that may be another holder's.
  @Test func aHolderIsNotToldWhatLaterEntriesWere() async throws {
    let fixture = try ServerFixture.sqlite()
    try await fixture.withServer { client in
      // Before the sample's first transaction: every entry is later.
      for uri in [
        "/companies/acme-ai/vesting?asOf=2000-01-01",
        "/companies/acme-ai/stakeholders/Ada%20Lovelace/holdings?asOf=2000-01-01",
      ] {
        let asHolder = try await client.executeRequest(
          uri: uri, method: .get, headers: fixture.headers(.holder), body: nil)
        let asViewer = try await client.executeRequest(
          uri: uri, method: .get, headers: fixture.headers(.viewer), body: nil)
        #expect(asHolder.status == .ok && asViewer.status == .ok, "\(uri)")
        let holderNote = try #require(try object(asHolder)["later_entries"] as? [String: Any])
        let viewerNote = try #require(try object(asViewer)["later_entries"] as? [String: Any])
        #expect(holderNote["latest_summary"] as? String == "not shown to a holder")
        #expect(holderNote["count"] as? Int == viewerNote["count"] as? Int)
        #expect(holderNote["latest"] as? String == viewerNote["latest"] as? String)
        let viewerSummary = try #require(viewerNote["latest_summary"] as? String)
        #expect(viewerSummary != "not shown to a holder" && !viewerSummary.isEmpty)
      }
    }
  }

  /// With a note outstanding (Grace Hopper's N-1 on 2025-12-31), the table's convertibles
  /// footnote names its holder: a viewer sees it, a summary role sees the count in the class
  /// totals but not who holds it, on every basis.
  @Test func aSummaryIsNotToldWhoHoldsTheConvertibles() async throws {
    let fixture = try ServerFixture.sqlite()
    try await fixture.withServer { client in
      for basis in ["fully-diluted", "fully-diluted-with-convertibles"] {
        let uri = "/companies/acme-ai/table?asOf=2025-12-31&basis=\(basis)"
        let asViewer = try await client.executeRequest(
          uri: uri, method: .get, headers: fixture.headers(.viewer), body: nil)
        let asSummary = try await client.executeRequest(
          uri: uri, method: .get, headers: fixture.headers(.summary), body: nil)
        #expect(asViewer.status == .ok && asSummary.status == .ok)
        func outstanding(_ response: TestResponse) throws -> [[String: Any]] {
          let convertibles = try #require(try object(response)["convertibles"] as? [String: Any])
          return try #require(convertibles["outstanding"] as? [[String: Any]])
        }
        let seen = try outstanding(asViewer).compactMap { $0["holder"] as? String }
        #expect(seen.contains("Grace Hopper"), "\(basis)")
        #expect(try outstanding(asSummary).isEmpty, "\(basis)")
        #expect(!text(asSummary).contains("Grace"), "\(basis)")
      }
    }
  }

  @Test func aSummarySeesTotalsByClassOnly() async throws {
    let fixture = try ServerFixture.sqlite()
    try await fixture.withServer { client in
      let response = try await client.executeRequest(
        uri: "/companies/acme-ai/table?by=holder&asOf=2025-06-30", method: .get,
        headers: fixture.headers(.summary), body: nil)
      #expect(response.status == .ok)
      #expect(text(response).contains("Common"))
      for holder in ["Ada", "Grace", "Seed Fund"] { #expect(!text(response).contains(holder)) }
      // A viewer asking the same sees the holders.
      let viewer = try await client.executeRequest(
        uri: "/companies/acme-ai/table?by=holder&asOf=2025-06-30", method: .get,
        headers: fixture.headers(.viewer), body: nil)
      #expect(text(viewer).contains("Ada Lovelace"))
    }
  }

  @Test func badBodiesAndParametersAreRefused() async throws {
    let fixture = try ServerFixture.sqlite()
    let audited = try fixture.workspace.auditRecords().count
    try await fixture.withServer { client in
      let editor = fixture.headers(.editor)
      let uri = "/companies/acme-ai/issuances"
      for body in ["{not json", "[]", #"{"holder": 5}"#, ""] {
        let response = try await client.executeRequest(
          uri: uri, method: .post, headers: editor, body: ByteBuffer(string: body))
        #expect(response.status == .badRequest, "\(body)")
        #expect(try object(response)["error"] as? String == "malformed-json")
      }
      let huge = ByteBuffer(string: String(repeating: " ", count: ServerApp.maxBodyBytes + 1))
      let tooLarge = try await client.executeRequest(
        uri: uri, method: .post, headers: editor, body: huge)
      #expect(tooLarge.status == .contentTooLarge)
      // A bad amount: the amount parser's own message, as the CLI prints it.
      let badShares = try await client.executeRequest(
        uri: uri, method: .post, headers: editor,
        body: ByteBuffer(
          string:
            #"{"holder": "Grace Hopper", "shares": "lots", "class": "Common", "price": "1", "date": "2025-06-01"}"#
        ))
      #expect(badShares.status == .badRequest)
      let message = try object(badShares)["message"] as? String
      #expect(message == "\(try #require(Self.sharesError("lots")))")
      // The ledger refuses an unknown class: 422, and nothing is written.
      let unknown = try await client.executeRequest(
        uri: uri, method: .post, headers: editor,
        body: ByteBuffer(
          string:
            #"{"holder": "Grace Hopper", "shares": "1", "class": "Nope", "price": "1", "date": "2025-06-01"}"#
        ))
      #expect(unknown.status == .unprocessableContent)
      let badDate = try await client.executeRequest(
        uri: "/companies/acme-ai/table?asOf=yesterday", method: .get,
        headers: fixture.headers(.viewer), body: nil)
      #expect(badDate.status == .badRequest)
      let unknownRoute = try await client.executeRequest(
        uri: "/companies/acme-ai/nothing", method: .get, headers: editor, body: nil)
      #expect(unknownRoute.status == .notFound)
    }
    // The refused writes left no audit record.
    #expect(try fixture.workspace.auditRecords().count == audited)
    #expect(
      try fixture.workspace.ledger(for: "acme-ai").transactions.count
        == SampleCompany.events.count)
  }

  static func sharesError(_ text: String) -> InputError? {
    do {
      _ = try AmountParser.shares(text, field: "shares")
      return nil
    } catch { return error }
  }

  @Test func anEditorsIssuanceIsWrittenAndAudited() async throws {
    let fixture = try ServerFixture.sqlite()
    try await Self.issueAndAudit(fixture)
  }

  static func issueAndAudit(_ fixture: ServerFixture) async throws {
    let before = try fixture.workspace.ledger(for: "acme-ai").transactions.count
    try await fixture.withServer { client in
      // Read Grace's holdings first, so the write must invalidate the cached replay.
      let holdings = "/companies/acme-ai/stakeholders/grace-hopper/holdings?asOf=2025-06-30"
      let first = try await client.executeRequest(
        uri: holdings, method: .get, headers: fixture.headers(.viewer), body: nil)
      let response = try await client.executeRequest(
        uri: "/companies/acme-ai/issuances", method: .post, headers: fixture.headers(.editor),
        body: issuanceBody())
      #expect(response.status == .created, "\(text(response))")
      let header = try #require(HTTPField.Name("x-request-id"))
      let requestID = try #require(response.headers[header])
      let second = try await client.executeRequest(
        uri: holdings, method: .get, headers: fixture.headers(.viewer), body: nil)
      // One more security for Grace: the 1,000 common just issued.
      let rowsBefore = try #require(try object(first)["rows"] as? [[String: Any]])
      let rowsAfter = try #require(try object(second)["rows"] as? [[String: Any]])
      #expect(rowsAfter.count == rowsBefore.count + 1)
      #expect(rowsAfter.filter { $0["quantity"] as? Int == 1_000 }.count == 1)
      let audit = try await client.executeRequest(
        uri: "/audit?company=Acme%20AI", method: .get, headers: fixture.headers(.root),
        body: nil)
      let records = try #require(try object(audit)["audit"] as? [[String: Any]])
      let last = try #require(records.last)
      #expect(last["who"] as? String == "editor-acme-example")
      #expect(last["request"] as? String == requestID)
      #expect((last["from"] as? String).map { $0 != "cli" && !$0.isEmpty } == true)
      #expect(last["first_sequence"] as? Int == before + 1)
      #expect(last["last_sequence"] as? Int == before + 1)
      #expect(last["action"] as? String == "POST /companies/acme-ai/issuances")
    }
    #expect(try fixture.workspace.ledger(for: "acme-ai").transactions.count == before + 1)
  }

  @Test func theCacheReplaysOncePerVersion() async throws {
    let fixture = try ServerFixture.sqlite()
    let cache = CompanyCache(workspace: fixture.workspace)
    _ = try await cache.table("acme-ai", asOf: day("2025-06-30"))
    _ = try await cache.table("acme-ai", asOf: day("2025-06-30"))
    #expect(await cache.replays == 1)
    // Another process (the CLI) writes: the next read replays the new ledger.
    try fixture.workspace.write { draft in
      _ = try draft.issueStock(
        to: "Grace Hopper", quantity: 1_000, className: "Common", pricePerShare: fraction(1, 2),
        date: day("2025-06-01"), vesting: nil, company: "acme-ai")
    }
    let (ledger, _) = try await cache.table("acme-ai", asOf: day("2025-06-30"))
    #expect(await cache.replays == 2)
    #expect(ledger.transactions.count == SampleCompany.events.count + 1)
  }

  @Test func theOpenAPIDocumentNamesEveryRoute() async throws {
    let fixture = try ServerFixture.sqlite()
    try await fixture.withServer { client in
      let response = try await client.executeRequest(
        uri: "/openapi.json", method: .get, headers: [:], body: nil)
      let document = try object(response)
      #expect(document["openapi"] as? String == "3.1.0")
      let paths = try #require(document["paths"] as? [String: [String: Any]])
      // The HTML pages are in the route table but not in the API's description.
      let api = ServerRoutes.all.filter { !$0.page }
      for route in api {
        #expect(paths[route.path]?[route.method.rawValue.lowercased()] != nil, "\(route.key)")
      }
      #expect(paths.values.reduce(0) { $0 + $1.count } == api.count)
      #expect(paths["/sign-in"] == nil && paths["/web/companies/{company}"] == nil)
    }
  }
}
