import CapstanTestSupport
import Testing

@testable import CapstanServer

/// The server on the PostgreSQL store, against the real server the suite starts: the whole
/// access matrix, and an editor's issuance written and audited.
@Suite(
  .enabled(if: PostgresServer.available, "PostgreSQL is not installed (see the message above)"),
  .postgresServer)
struct PostgresServerTests {
  @Test func accessMatrix() async throws {
    try await AccessMatrixTests.run(try ServerFixture.postgres())
  }

  @Test func anEditorsIssuanceIsWrittenAndAudited() async throws {
    try await ServerBehaviourTests.issueAndAudit(try ServerFixture.postgres())
  }
}
