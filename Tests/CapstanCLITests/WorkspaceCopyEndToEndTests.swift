import CapstanTestSupport
import Foundation
import Testing

/// `capstan workspace copy` between SQLite and a real PostgreSQL server, and every command on
/// a `postgres://` workspace (`--db` and `CAPSTAN_DB`): the copies export the same Capstan XML
/// as the original, print the same table and ledger, and `undo` voids the same batch.
@Suite(
  .enabled(if: PostgresServer.available, "PostgreSQL is not installed (see the message above)"),
  .postgresServer)
struct WorkspaceCopyEndToEndTests {
  /// `capstan export xml` of the workspace at `db`.
  private func export(_ cli: CLIHarness, _ db: String, _ name: String) throws -> String {
    let file = cli.folder.appendingPathComponent(name).path
    let result = try cli.run(["export", "xml", "-o", file, "--db", db], withDB: false)
    #expect(result.status == 0, "export from \(db): \(result.stderr)")
    return try String(contentsOfFile: file, encoding: .utf8)
  }

  private func output(_ cli: CLIHarness, _ arguments: [String], _ db: String) throws -> String {
    let result = try cli.run(arguments + ["--db", db], withDB: false)
    #expect(result.status == 0, "\(arguments) on \(db): \(result.stderr)")
    return result.stdout
  }

  @Test func aCopyToPostgresAndBackIsLossless() throws {
    let server = try #require(PostgresServer.current)
    let cli = try CLIHarness()
    #expect(try cli.run(["demo", "--db", cli.db], withDB: false).status == 0)
    // A later write of its own, so the last batch is not the whole ledger.
    try cli.sh("stakeholder add \"Late Angel\"")
    try cli.sh("issue \"Late Angel\" 1,000 Common --price 0.01 --date 2026-01-05")
    try cli.sh(
      "valuation add --class Common --price 0.25 --date 2026-01-31 --provider \"Appraiser LLP\"")
    // People, a token and a removed user: the copy carries the directory as it stands.
    try cli.sh("user add root@acme.example --admin")
    try cli.sh("user add cfo@acme.example --role editor")
    try cli.sh("user add gone@acme.example --role viewer")
    try cli.sh("user token cfo@acme.example")
    try cli.sh("user token gone@acme.example")
    try cli.sh("user remove gone@acme.example")
    let url = try server.createDatabase()

    let copy = try cli.run(["workspace", "copy", cli.db, url], withDB: false)
    #expect(copy.status == 0, "\(copy.stderr)")
    #expect(copy.stdout.hasPrefix("Copied 1 companies, "))
    let original = try export(cli, cli.db, "original.xml")
    #expect(original.contains("Late Angel"))
    #expect(try export(cli, url, "postgres.xml") == original)
    for view in [["table", "--as-of", "2026-12-31"], ["ledger"], ["valuation", "list"]] {
      #expect(try output(cli, view, url) == output(cli, view, cli.db), "\(view)")
    }
    try expectPeopleAndAuditCopied(cli, from: cli.db, to: url)
    // CAPSTAN_DB names the PostgreSQL workspace as --db does.
    let fromEnvironment = try cli.run(["table"], withDB: false, environment: ["CAPSTAN_DB": url])
    #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
    #expect(fromEnvironment.stdout == (try output(cli, ["table"], cli.db)))

    // And back into a new file.
    let back = cli.folder.appendingPathComponent("back.db").path
    #expect(try cli.run(["workspace", "copy", url, back], withDB: false).status == 0)
    #expect(try export(cli, back, "back.xml") == original)
    try expectPeopleAndAuditCopied(cli, from: url, to: back)

    // The last batch came along: undo voids the Late Angel issuance in all three.
    for db in [cli.db, url, back] {
      let undo = try cli.run(
        ["undo", "--yes", "--date", "2026-12-01", "--db", db], withDB: false)
      #expect(undo.status == 0, "undo on \(db): \(undo.stderr)")
    }
    let ledger = try output(cli, ["ledger"], cli.db)
    #expect(try output(cli, ["ledger"], url) == ledger)
    #expect(try output(cli, ["ledger"], back) == ledger)
  }

  /// `user list` is the same in both (users, roles, token counts), and the original's audit
  /// records (every column, ids included) come first in the copy's, followed by the copy's own
  /// (one, for the one company).
  private func expectPeopleAndAuditCopied(_ cli: CLIHarness, from: String, to: String) throws {
    let users = try output(cli, ["user", "list"], from)
    #expect(users.contains("cfo@acme.example") && !users.contains("gone@"))
    #expect(try output(cli, ["user", "list"], to) == users)
    let original = try output(cli, ["audit", "--format", "csv"], from)
      .split(separator: "\n").map(String.init)
    let copied = try output(cli, ["audit", "--format", "csv"], to)
      .split(separator: "\n").map(String.init)
    #expect(original.count > 10)
    #expect(copied.count == original.count + 1)
    #expect(Array(copied.prefix(original.count)) == original)
    #expect(copied.last?.contains("workspace copy") == true)
  }

  @Test func aCopyIntoAWorkspaceThatExistsIsRefused() throws {
    let server = try #require(PostgresServer.current)
    let cli = try CLIHarness()
    #expect(try cli.run(["demo", "--db", cli.db], withDB: false).status == 0)
    let url = try server.createDatabase()
    #expect(try cli.run(["init", "--db", url], withDB: false).status == 0)
    let refused = try cli.run(["workspace", "copy", cli.db, url], withDB: false)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("already exists"), "\(refused.stderr)")
    // Nothing was written: the PostgreSQL workspace still has no company.
    let companies = try cli.run(["company", "list", "--db", url], withDB: false)
    #expect(!companies.stdout.contains("Acme AI"))
  }
}
