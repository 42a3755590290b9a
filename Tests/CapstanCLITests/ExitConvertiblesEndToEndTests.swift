import Foundation
import Testing

/// The issue's "Safe outstanding at exit" through the CLI: founders 9,000,000 common; Series
/// Seed 1,000,000 shares at $2.00, 1x non-participating; a post-money safe of $1,000,000 at a
/// $10,000,000 cap, not converted. Liquidity Capitalization 10,000,000 + S, S = LC ÷ 10, so
/// LC = 100,000,000/9, Liquidity Price $0.90 and S = ⌊1,111,111.1…⌋ = 1,111,111.
@Suite("capstan exit with convertibles outstanding (YC liquidity-event clause)")
struct ExitConvertiblesEndToEndTests {
  func build(_ cli: CLIHarness, seed: Bool = true) throws {
    var lines = [
      "init", "company add Co --incorporated 2024-01-01", "class add Common --authorized 20M",
      "stakeholder add Founders", "stakeholder add Angel",
      "issue Founders 9M Common --price 0.0001 --date 2024-01-01",
      "safe add Angel 1M --cap 10M --date 2024-06-01",
    ]
    if seed {
      lines += [
        "class add \"Series Seed\" --authorized 1M --preferred --issue-price 2.00",
        "stakeholder add \"Seed Fund\"",
        "issue \"Seed Fund\" 1M \"Series Seed\" --price 2.00 --date 2024-09-01",
      ]
    }
    for line in lines { try cli.sh(line) }
  }

  func holders(_ json: String) throws -> [String: String] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let rows = try #require(object["holders"] as? [[String: Any]])
    var result: [String: String] = [:]
    for row in rows {
      result[try #require(row["holder"] as? String)] = try #require(row["payout"] as? String)
    }
    return result
  }

  /// $2,500,000 < $2,000,000 + $1,000,000: the Seed and the safe are paid on par, pro rata to
  /// the amounts due: 2.5M × 2/3 = $1,666,666.67 and 2.5M × 1/3 = $833,333.33; founders $0.
  /// $100,000,000: everything converts at c = 100M ÷ 11,111,111: safe 1,111,111 × c =
  /// $9,999,999.10, Seed 1,000,000 × c = $9,000,000.09, founders 9,000,000 × c =
  /// $81,000,000.81.
  @Test(arguments: [
    ("2.5M", "1666666.67", "833333.33", "0.00"),
    ("100M", "9000000.09", "9999999.10", "81000000.81"),
  ])
  func theIssuesExample(value: String, seed: String, safe: String, founders: String) throws {
    let cli = try CLIHarness()
    try build(cli)
    let command = "exit --value \(value) --options exclude --date 2025-06-01"
    let json = try cli.sh(command + " --format json").stdout
    #expect(
      try holders(json) == ["Seed Fund": seed, "Angel": safe, "Founders": founders])
    let text = try cli.sh(command).stdout
    let money = { (plain: String) -> String in
      let number = try #require(Decimal(string: plain))
      return "$" + number.formatted(.number.precision(.fractionLength(2)).grouping(.automatic))
    }
    for (holder, amount) in [("Seed Fund", seed), ("Angel", safe), ("Founders", founders)] {
      let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(holder) })
      #expect(line.contains(try money(amount)), "\(line)")
    }
    // The convertibles table and JSON show the Liquidity Price and the conversion shares.
    let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("SAFE-1") })
    #expect(row.contains(" $0.90 "))
    #expect(row.contains("1,111,111"))
    #expect(json.contains("\"liquidity_price\": \"9/10\""))
    #expect(json.contains("\"conversion_shares\": 1111111"))
  }

  /// Without the Seed: LC = 9,000,000 + S = 10,000,000, S = 1,000,000 and c = $10 at $100M, so
  /// the safe receives exactly $10,000,000.00 (the old pre-money arithmetic paid
  /// $9,090,909.09).
  @Test func withoutTheSeedTheSafeReceivesTenMillion() throws {
    let cli = try CLIHarness()
    try build(cli, seed: false)
    let json = try cli.sh(
      "exit --value 100M --options exclude --date 2025-06-01 --format json"
    ).stdout
    #expect(try holders(json) == ["Angel": "10000000.00", "Founders": "90000000.00"])
  }

  /// `safe add --seniority 2` puts the safe beside a senior Series B; `note add --as-debt`
  /// repays a note first. Founders 9,000,000; Series A 1,000,000 at $1.00 (rank 1); Series B
  /// 1,000,000 at $2.00 (rank 2); safe $1M; note $500,000 at 0 % as debt. At $3,000,000: the
  /// note $500,000 first; $2,500,000 to B and the safe pro rata 2M : 1M, $1,666,666.67 and
  /// $833,333.33; A nothing.
  @Test func statedRanksAreStoredAndPaid() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Co --incorporated 2024-01-01", "class add Common --authorized 20M",
      "class add \"Series A\" --authorized 1M --preferred --issue-price 1.00 --seniority 1",
      "class add \"Series B\" --authorized 1M --preferred --issue-price 2.00 --seniority 2",
      "stakeholder add Founders", "stakeholder add Angel", "stakeholder add Bank",
      "stakeholder add \"Fund A\"", "stakeholder add \"Fund B\"",
      "issue Founders 9M Common --price 0.0001 --date 2024-01-01",
      "issue \"Fund A\" 1M \"Series A\" --price 1.00 --date 2024-02-01",
      "issue \"Fund B\" 1M \"Series B\" --price 2.00 --date 2024-03-01",
      "safe add Angel 1M --cap 10M --seniority 2 --date 2024-06-01",
      "note add Bank 500k --rate 0% --as-debt --date 2024-06-01",
    ] {
      try cli.sh(line)
    }
    let json = try cli.sh(
      "exit --value 3M --options exclude --date 2025-06-01 --format json"
    ).stdout
    #expect(
      try holders(json) == [
        "Bank": "500000.00", "Fund B": "1666666.67", "Angel": "833333.33", "Fund A": "0.00",
        "Founders": "0.00",
      ])
    let ledger = try cli.sh("ledger --format csv").stdout  // details whole, not wrapped
    #expect(ledger.contains("seniority 2 at an exit"))
    #expect(ledger.contains("ranks as debt at an exit"))
    // Both are kept by a Capstan XML export and import.
    let path = cli.folder.appendingPathComponent("co.xml").path
    try cli.sh("export xml -o \(path)")
    let xml = try String(contentsOfFile: path, encoding: .utf8)
    #expect(xml.contains("rank=\"2\""))
    #expect(xml.contains("rank=\"debt\""))
  }

  /// `--seniority` and `--as-debt` together, or a rank out of range, are refused with nothing
  /// written.
  @Test func seniorityAndDebtTogetherAreRefused() throws {
    let cli = try CLIHarness()
    try build(cli, seed: false)
    let result = try cli.run(
      [
        "note", "add", "Angel", "100k", "--rate", "5%", "--seniority", "2", "--as-debt",
        "--date", "2024-07-01",
      ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--seniority or --as-debt"))
    #expect(!(try cli.sh("ledger").stdout.contains("N-1")))
    // A rank outside what Capstan XML reads back is refused too.
    let far = try cli.run([
      "safe", "add", "Angel", "100k", "--seniority", "2000000", "--date", "2024-07-01",
    ])
    #expect(far.status != 0)
    #expect(far.stderr.contains("from -1000000 to 1000000"))
    #expect(!(try cli.sh("ledger").stdout.contains("SAFE-2")))
  }
}

@Suite("capstan exit --help")
struct ExitHelpSnapshotTests {
  /// The help text, including the paragraph on SAFEs and notes outstanding, is reviewed as a
  /// golden file (CAPSTAN_UPDATE_SNAPSHOTS=1 rewrites it).
  @Test func helpReadsAsSentences() throws {
    let cli = try CLIHarness()
    let help = try cli.run(["exit", "--help"], withDB: false, environment: ["COLUMNS": "100"])
    #expect(help.status == 0)
    try assertSnapshot(help.stdout, named: "exit-help.txt")
  }
}
