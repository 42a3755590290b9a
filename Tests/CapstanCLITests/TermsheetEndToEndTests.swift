import Foundation
import Testing

@Suite("capstan termsheet and templates, end to end")
struct TermsheetEndToEndTests {
  static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/scenarios/series-a-worked-example.yaml").path

  func build(_ cli: CLIHarness) throws {
    for line in [
      "init", "company add \"Example Co\" --incorporated 2024-01-01",
      "class add Common --authorized 10M",
      "stakeholder add Founders", "stakeholder add Staff", "stakeholder add \"SAFE A\"",
      "stakeholder add \"SAFE B\"",
      "issue Founders 8M Common --price 0.0001 --date 2024-01-01",
      "plan add Plan --class Common --reserve 1M",
      "grant Staff 600k --plan Plan --strike 0.1 --date 2024-02-01",
      "safe add \"SAFE A\" 500k --cap 8M --date 2025-01-01",
      "safe add \"SAFE B\" 1M --cap 12M --discount 20% --date 2025-02-01",
      "round save \"Series A\" --pre-money 24M --invest Lead=6M --pool-target 12% --date 2026-03-01",
    ] {
      try cli.sh(line)
    }
  }

  /// A saved round and the same round once closed give the same term sheet: the closed one is
  /// modelled on the ledger as it stood before the close.
  @Test func savedAndClosedRoundsGiveTheSameTermSheet() throws {
    let cli = try CLIHarness()
    try build(cli)
    let saved = try cli.sh("termsheet \"Series A\"").stdout
    #expect(saved.contains("**Price per share.** $2.0125 "))
    #expect(saved.contains("| Lead | $6,000,000.00 | 2,981,366 | 20.00% |"))
    try cli.sh("round close \"Series A\"")
    let closed = try cli.sh("termsheet \"series a\"").stdout
    #expect(closed == saved)
    let safe = try cli.sh("termsheet \"Series A\" --template post-money-safe --safe \"SAFE B\"")
      .stdout
    #expect(safe.contains("on 2025-02-01"))
    #expect(safe.contains("| Shares of Series A Preferred Stock | 878,048 |"))
  }

  /// The workspace and the scenario file of the same deal agree on every number.
  @Test func workspaceAndScenarioAgree() throws {
    let cli = try CLIHarness()
    try build(cli)
    let workspace = try cli.sh("termsheet \"Series A\"").stdout
    let scenario = try cli.run(["termsheet", Self.scenario], withDB: false)
    #expect(scenario.status == 0)
    // The pro forma differs only in names (the scenario groups holders); the deal numbers match.
    for line in [
      "$2.0125", "$24,000,000.00", "$30,000,000.00", "14,906,760", "1,388,810", "658,536",
      "878,048",
    ] {
      #expect(workspace.contains(line) && scenario.stdout.contains(line), "\(line)")
    }
  }

  @Test(arguments: ["md", "html", "docx"])
  func writesEachFormat(_ format: String) throws {
    let cli = try CLIHarness()
    let file = cli.folder.appendingPathComponent("a.\(format)").path
    let result = try cli.run(
      [
        "termsheet", Self.scenario, "--format", format, "-o", file, "--set",
        "governing_law=England and Wales",
      ], withDB: false)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Wrote"))
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    switch format {
    case "docx": #expect(data.prefix(2) == Data("PK".utf8))
    case "html":
      #expect(String(decoding: data, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
      #expect(String(decoding: data, as: UTF8.self).contains("England and Wales"))
    default: #expect(String(decoding: data, as: UTF8.self).hasPrefix("# Summary of Terms"))
    }
  }

  @Test(arguments: [
    (["--template", "cap.mustache"], "line 3: the deal has no value for 'valuation_cap'"),
    (["--set", "gov_law=X"], "--set gov_law: not a field"),
    (["--set", "price_per_share=1"], "computed by Capstan"),
    (["--template", "no-such"], "no template 'no-such'"),
    (["--template", "post-money-safe"], "choose one with --safe"),
    (["--format", "docx"], "give -o FILE.docx"),
    (["--round", "Series B"], "no round named Series B"),
  ])
  func refused(_ options: [String], _ message: String) throws {
    let cli = try CLIHarness()
    try "# Cap\n\n{{ valuation_cap }}\n".write(
      to: cli.folder.appendingPathComponent("cap.mustache"), atomically: true, encoding: .utf8)
    // The Series A's lead has no cap: a template printing one fails, naming it and its line.
    let result = try cli.run(["termsheet", Self.scenario] + options, withDB: false)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func templatesListAndShow() throws {
    let cli = try CLIHarness()
    let list = try cli.run(["templates", "list"], withDB: false)
    for name in ["priced-round", "post-money-safe", "compute-for-equity"] {
      #expect(list.stdout.contains(name))
    }
    let shown = try cli.run(["templates", "show", "priced-round"], withDB: false)
    #expect(shown.stdout.hasPrefix("{{% CONTENT_TYPE: TEXT}}"))
    // A template printed by `show` renders as the built-in one does.
    try shown.stdout.write(
      to: cli.folder.appendingPathComponent("mine.mustache"), atomically: true, encoding: .utf8)
    let mine = try cli.run(
      ["termsheet", Self.scenario, "--template", "mine.mustache"], withDB: false)
    let builtIn = try cli.run(["termsheet", Self.scenario], withDB: false)
    #expect(mine.status == 0 && mine.stdout == builtIn.stdout)
    #expect(try cli.run(["templates", "show", "nope"], withDB: false).status == 1)
  }
}
