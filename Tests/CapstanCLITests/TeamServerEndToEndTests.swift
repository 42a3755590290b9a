import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `capstan user`, `capstan audit` and `capstan serve` as people run them: a transcript of
/// the user commands, the audit of CLI writes, and the server started as a real process on
/// loopback and called over HTTP.
@Suite struct TeamServerEndToEndTests {
  /// What differs between runs (times, ids, tokens, the operating-system user) as fixed words.
  static func scrubbed(_ text: String) -> String {
    // The repository's folder (the demo script's path in the audit) differs between clones.
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    var out = text.replacingOccurrences(of: repository, with: "$REPO")
    let patterns = [
      (#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, "$TIME"),
      (#"cap_[0-9a-f]{64}"#, "$TOKEN"),
      (#"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, "$UUID"),
      (#"API token [0-9a-f]{8}"#, "API token $ID"),
      (#"cli:[A-Za-z0-9_.-]+"#, "cli:$USER"),
    ]
    for (pattern, replacement) in patterns {
      out = out.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
    }
    return out
  }

  @Test func userCommandsTranscript() throws {
    var snapshot = try OutputSnapshot.demo()
    try snapshot.run([
      "user add owner@acme.example --admin",
      "user add counsel@law.example --role editor",
      "user add ada@acme.example --role holder --stakeholder Ada",
      "user add grace@acme.example --role holder",
      "user add not-an-address --role viewer",
      "user add counsel@law.example --role viewer",
      "user add linus@acme.example --role owner",
      "user token counsel@law.example",
      "user list",
      "user list --format json",
      "user remove ada@acme.example",
      "user remove ada@acme.example",
      "user token nobody@acme.example",
      "user list",
      "audit --since 2026-01-01 --format csv",
    ])
    try assertSnapshot(Self.scrubbed(snapshot.transcript), named: "output/team.txt")
  }

  /// Each CLI write appends one audit record naming the command; a refused one none.
  @Test func cliWritesAreAudited() throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.buildAcme()
    _ = try cli.run(["issue", "Ada", "1", "Nope", "--price", "1", "--date", "2025-02-01"])
    try cli.sh("issue Ada 1,000 Common --price 0.10 --date 2025-02-01")
    let json = try cli.sh("audit --format json").stdout
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let records = try #require(root["audit"] as? [[String: Any]])
    // buildAcme runs init (no write) and nine writes; the refused issue wrote nothing.
    #expect(records.count == 10)
    let last = try #require(records.last)
    #expect(last["action"] as? String == "issue Ada 1,000 Common --price 0.10 --date 2025-02-01")
    #expect(last["from"] as? String == "cli")
    #expect((last["who"] as? String)?.hasPrefix("cli:") == true)
    #expect(last["company"] as? String == "acme-ai")
    // Acme's ledger before it: two issues and a grant (sequences 1-3), so the issue is 4.
    #expect(last["first_sequence"] as? Int == 4)
    #expect(
      records.first?["action"] as? String
        == "company add \"Acme AI\" --currency USD --incorporated 2025-01-15")
    // Stakeholders belong to the workspace: their records name no company.
    let company = try cli.sh("audit --company \"Acme AI\" --since 2000-01-01 --format json")
    #expect(company.stdout.contains("\"action\": \"issue Ada"))
    #expect(!company.stdout.contains("\"action\": \"stakeholder add"))
    #expect(try cli.sh("audit --since 2199-01-01").stdout == "No audit records.\n")
  }

  /// `capstan serve` as a process on a free loopback port: a holder's token reads their own
  /// holdings and is refused the table; no token is 401.
  @Test func serveRunsAsAProcess() async throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.buildAcme()
    try cli.sh("user add ada@acme.example --role holder --stakeholder Ada")
    let token = try cli.sh("user token ada@acme.example").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let process = Process()
    process.executableURL = CLIHarness.executable
    process.arguments = ["serve", "--db", cli.db, "--listen", "127.0.0.1:0"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    // "Serving … on http://127.0.0.1:PORT (Ctrl-C stops)"
    var line = ""
    while !line.contains("\n") {
      let data = out.fileHandleForReading.availableData
      if data.isEmpty { break }
      line += String(decoding: data, as: UTF8.self)
    }
    let base = try #require(
      line.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression).map {
        String(line[$0])
      }, "serve printed: \(line)")
    func get(_ path: String, _ token: String?) async throws -> (Int, String) {
      var request = URLRequest(url: try #require(URL(string: base + path)))
      if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
      let (data, response) = try await URLSession.shared.data(for: request)
      let status = (response as? HTTPURLResponse)?.statusCode ?? 0
      return (status, String(decoding: data, as: UTF8.self))
    }
    let own = try await get("/companies/acme-ai/stakeholders/ada/holdings?asOf=2025-06-30", token)
    #expect(own.0 == 200)
    #expect(own.1.contains("\"holder\": \"Ada\"") && !own.1.contains("Grace"))
    #expect(try await get("/companies/acme-ai/stakeholders/grace/holdings", token).0 == 404)
    #expect(try await get("/companies/acme-ai/table", token).0 == 403)
    #expect(try await get("/companies/acme-ai/table", nil).0 == 401)
  }
}
