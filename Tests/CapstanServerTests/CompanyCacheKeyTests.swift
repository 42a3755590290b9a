import CapstanModel
import CapstanStore
import CapstanTestSupport
import Testing

@testable import CapstanServer

/// The server's cache is keyed on the company's latest audit record: any write another handle
/// (the CLI, another server) makes to what the company's ledger reads is seen by the next
/// read, a transaction or not; a write to another company is not a reason to replay.
@Suite struct CompanyCacheKeyTests {
  @Test func aWriteWithoutATransactionIsSeen() async throws {
    let fixture = try ServerFixture.sqlite()
    let cache = CompanyCache(workspace: fixture.workspace)
    let date = day("2025-06-30")
    @Sendable func names(_ ledger: Ledger, _ table: CapTable) -> String {
      ledger.stakeholders.values.map(\.name).sorted().joined(separator: ",")
    }
    let first = try await cache.document("acme-ai", asOf: date, view: "names", render: names)
    #expect(first.contains("Ada Lovelace"))
    #expect(try await cache.document("acme-ai", asOf: date, view: "names", render: names) == first)
    #expect(await cache.renders == 1)
    #expect(await cache.replays == 1)
    // A write to the other company: Acme's key does not move, nothing is replayed.
    try fixture.workspace.write { draft in
      _ = try draft.addClass(
        ShareClass(id: "c", name: "Common", kind: .common, initialAuthorized: 1_000),
        to: "other-co")
    }
    _ = try await cache.document("acme-ai", asOf: date, view: "names", render: names)
    #expect(await cache.renders == 1)
    // A rename records no transaction (the last batch stays), yet the next read sees it.
    try fixture.workspace.write { draft in
      try draft.renameStakeholder(SampleCompany.ada, to: "Ada King", date: day("2025-01-01"))
    }
    let renamed = try await cache.document("acme-ai", asOf: date, view: "names", render: names)
    #expect(renamed.contains("Ada King") && !renamed.contains("Ada Lovelace"))
    #expect(await cache.renders == 2)
    #expect(await cache.replays == 2)
  }
}
