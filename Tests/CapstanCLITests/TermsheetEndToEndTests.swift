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
    #expect(
      saved.contains(
        "| Lead | cash | $6,000,000.00 | 2,981,366 | Series A Preferred Stock | 20.00% |"))
    try cli.sh("round close \"Series A\"")
    let closed = try cli.sh("termsheet \"series a\"").stdout
    #expect(closed == saved)
    let safe = try cli.sh("termsheet \"Series A\" --template post-money-safe --safe \"SAFE B\"")
      .stdout
    #expect(safe.contains("on 2025-02-01"))
    // SAFE B converts at its cap price, below the round's $2.0125, so into its own sub-series
    // (SAFE A's is Series A-1): the YC "Safe Preferred Stock".
    #expect(safe.contains("| Shares of Series A-2 Preferred Stock | 878,048 |"))
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

  /// Acceptance: the compute-token example's workspace (ComputeCo, 1,500,000 tokens at $2.00,
  /// price $1.7333, 1,730,802 shares) gives a compute-for-equity .docx, and the term sheet
  /// with the 24-month delivery table is the same before and after the close.
  @Test func computeForEquityFromTheWorkspace() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add \"Seed Co\" --incorporated 2025-01-01",
      "class add Common --authorized 20M", "stakeholder add Founders",
      "stakeholder add ComputeCo --institution",
      "issue Founders 9M Common --price 0.0001 --date 2025-01-01",
      "plan add Plan --class Common --reserve 1M --date 2025-01-01",
      "token add H100H --issuer ComputeCo --unit H100-hour --peg 2.50",
      "token price H100H 2.60 --on 2026-06-01",
      "round save Seed --pre-money 18M --invest Lead=3M --invest-tokens ComputeCo=1,500,000@2.00xH100H --token-unlock 24/6/1 --token-release in-step --pool-target 10% --date 2026-06-01 --class Seed",
      "termsheet Seed --template compute-for-equity --format docx -o seed.docx",
    ] {
      try cli.sh(line)
    }
    let docx = try Data(contentsOf: cli.folder.appendingPathComponent("seed.docx"))
    #expect(docx.prefix(2) == Data("PK".utf8))
    let before = try cli.sh("termsheet Seed --template compute-for-equity --price-protection 50%")
      .stdout
    for text in [
      "**1,500,000 Tokens**", "**$2.00 per Token**", "implied investment of **$3,000,000.00**",
      "| Price per share | $1.7333 |", "| Shares | 1,730,802 |",
      "| Fully diluted ownership | 12.50% |",
      "market price on the date of this term sheet is $2.60",
      "| 2026-12-01 | 375,000 | 375,000 | 432,700 | 432,700 |",
      "| 2028-06-01 | 62,500 | 1,500,000 | 72,117 | 1,730,802 |", "falls more than **50.00%**",
    ] {
      #expect(before.contains(text), "\(text)")
    }
    // The default, round-level sheet: both investors, the token leg with the provision, and a
    // signature block for each party.
    let round = try cli.sh("termsheet Seed --price-protection 50%").stdout
    for text in [
      "| Lead | cash | $3,000,000.00 | 1,730,802 | Seed Preferred Stock | 12.50% |",
      "| ComputeCo | 1,500,000 H100H Tokens × $2.00 | $3,000,000.00 | 1,730,802 | Seed Preferred Stock | 12.50% |",
      "\n### ComputeCo\n", "| 2026-12-01 | 375,000 | 375,000 | 432,700 | 432,700 |",
      "below the agreed price of $2.00, ComputeCo delivers additional Tokens",
      "**Seed Co**\n\nBy: ", "**Lead**\n\nBy: ", "**ComputeCo**\n\nBy: ",
    ] {
      #expect(round.contains(text), "\(text)")
    }
    try cli.sh("round close Seed")
    let after = try cli.sh("termsheet Seed --template compute-for-equity --price-protection 50%")
      .stdout
    #expect(after == before)
    #expect(try cli.sh("termsheet Seed --price-protection 50%").stdout == round)
    // A cash round has no token terms to put on this template.
    let refused = try cli.run(
      ["termsheet", Self.scenario, "--template", "compute-for-equity"], withDB: false)
    #expect(refused.status == 1 && refused.stderr.contains("has no token investor"))
  }

  /// Two token investors (Lead $3M cash, ComputeCo 1,500,000 H100H at $2.00, GridCo 400,000
  /// GRD at $2.50, all at $18M ÷ 10,000,000 = $1.80 a share).
  static let twoProviders = """
    company: {name: Two Clouds Inc, currency: USD, incorporated: 2025-01-01}
    holdings:
      - holder: Founders
        shares: 9,000,000
    pool: 1,000,000
    tokens:
      - {symbol: H100H, issuer: ComputeCo, unit: H100-hour, units-per-token: 1, peg: 2.50}
      - {symbol: GRD, issuer: GridCo, unit: B200-hour, units-per-token: 2, peg: 3.00}
    events:
      - round:
          name: Seed
          date: 2026-06-01
          pre-money: 18M
          invest:
            Lead: 3M
          invest-tokens:
            ComputeCo:
              tokens: 1,500,000
              agreed: 2.00
              symbol: H100H
              unlock: 24/6/1
            GridCo:
              tokens: 400,000
              agreed: 2.50
              symbol: GRD
              unlock: 12/0/3
    """

  /// The default sheet covers both token investors; the one-provider sheet asks for
  /// --provider and takes it; --price-protection with --provider reaches that leg only.
  @Test func twoTokenInvestors() throws {
    let cli = try CLIHarness()
    let file = cli.folder.appendingPathComponent("two.yaml").path
    try Self.twoProviders.write(toFile: file, atomically: true, encoding: .utf8)
    let round = try cli.run(["termsheet", file], withDB: false)
    #expect(round.status == 0, "\(round.stderr)")
    #expect(round.stdout.contains("\n### ComputeCo\n") && round.stdout.contains("\n### GridCo\n"))
    #expect(
      round.stdout.contains("| GridCo | 400,000 GRD Tokens × $2.50 | $1,000,000.00 | 555,555 |"))
    let refused = try cli.run(
      ["termsheet", file, "--template", "compute-for-equity"], withDB: false)
    #expect(refused.status == 1 && refused.stderr.contains("choose one with --provider"))
    let grid = try cli.run(
      ["termsheet", file, "--template", "compute-for-equity", "--provider", "gridco"],
      withDB: false)
    #expect(grid.status == 0 && grid.stdout.contains("between Two Clouds Inc and GridCo"))
    let protected = try cli.run(
      ["termsheet", file, "--provider", "GridCo", "--price-protection", "40%"], withDB: false)
    #expect(protected.stdout.components(separatedBy: "**Price volatility.**").count == 2)
    #expect(protected.stdout.contains("below the agreed price of $2.50, GridCo delivers"))
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
