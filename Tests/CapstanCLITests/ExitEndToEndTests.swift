import Foundation
import Testing

@Suite("capstan exit, end to end")
struct ExitEndToEndTests {
  /// The exits issue's example before its anti-dilution step (the ledger has no conversion
  /// price adjustment yet): founders 6,000,000 common; Fund A 2,000,000 Series A at $2.00,
  /// 1x non-participating, seniority 1; Fund B 2,000,000 Series B at $1.50, 1x participating
  /// capped at 2x, seniority 2 (senior); options left out.
  func build(_ cli: CLIHarness) throws {
    for line in [
      "init", "company add Downco --incorporated 2024-01-01", "class add Common --authorized 20M",
      "class add \"Series A\" --authorized 3M --preferred --issue-price 2.00 --anti-dilution broad --seniority 1",
      "class add \"Series B\" --authorized 3M --preferred --issue-price 1.50 --participating --cap 2x --seniority 2",
      "stakeholder add Founders", "stakeholder add \"Fund A\"", "stakeholder add \"Fund B\"",
      "stakeholder add Staff",
      "issue Founders 6M Common --price 0.0001 --date 2024-01-01",
      "issue \"Fund A\" 2M \"Series A\" --price 2.00 --date 2025-01-01",
      "plan add Plan --class Common --reserve 1.5M",
      "grant Staff 1M --plan Plan --strike 0.5 --date 2025-02-01",
      // Exempt, so that Series A keeps its $2.00 conversion price as in the table.
      "issue \"Fund B\" 2M \"Series B\" --price 1.50 --date 2027-01-15 --exempt",
    ] {
      try cli.sh(line)
    }
  }

  /// The invested column (the basis of each holder's multiple) counts money in SAFEs still
  /// outstanding: Angel put in its $400,000 SAFE, the founders 6,000,000 × $0.0001 = $600.
  @Test func investedCountsOutstandingSAFEs() throws {
    let cli = try CLIHarness()
    try build(cli)
    try cli.sh("stakeholder add Angel")
    try cli.sh("safe add Angel 400k --cap 10M --date 2026-01-01")
    let text = try cli.sh("exit --value 20M --options exclude --date 2027-02-01").stdout
    let angel = try #require(text.split(separator: "\n").first { $0.hasPrefix("Angel") })
    #expect(angel.contains("$400,000.00"))
    let founders = try #require(text.split(separator: "\n").first { $0.hasPrefix("Founders") })
    #expect(founders.contains("$600.00"))
  }

  /// $5M: B's $3M preference first, then A's $2M of its $4M; common nothing.
  /// $12M: B $3M, A $4M, the remaining $5M shared by 6M common and B's 2M participating shares:
  /// B 5M × 2/8 = $1.25M (total $4.25M, under its 2x cap of $6M), founders $3.75M. A converting
  /// would get 2/10 of $9M (after B's preference) = $1.8M < $4M, so it keeps its preference.
  @Test(arguments: [
    ("5M", "Founders,0.00", "Fund A,2000000.00", "Fund B,3000000.00"),
    ("12M", "Founders,3750000.00", "Fund A,4000000.00", "Fund B,4250000.00"),
  ])
  func payoutsAtAnExit(value: String, founders: String, fundA: String, fundB: String) throws {
    let cli = try CLIHarness()
    try build(cli)
    let csv = try cli.sh("exit --value \(value) --options exclude --date 2027-02-01 --format csv")
      .stdout
    #expect(csv.contains(founders))
    #expect(csv.contains(fundA))
    #expect(csv.contains(fundB))
  }

  /// A 5 % carve-out at $12M leaves $11.4M: B $3M and A $4M preferences, then $4.4M shared by
  /// 6M common and B's 2M participating shares: founders 4.4M × 6/8 = $3.3M, B $3M + $1.1M.
  @Test func carveOutComesFirst() throws {
    let cli = try CLIHarness()
    try build(cli)
    let csv = try cli.sh(
      "exit --value 12M --carve-out 5% --options exclude --date 2027-02-01 --format csv"
    ).stdout
    #expect(csv.contains("Founders,3300000.00"))
    #expect(csv.contains("Fund B,4100000.00"))
    // Without the carve-out, B's $4.25M is $3M preference and $1.25M participation.
    let text = try cli.sh("exit --value 12M --options exclude --date 2027-02-01").stdout
    #expect(text.contains("Series B  $3,000,000.00  $1,250,000.00"))
  }

  /// B's cap: it stops participating when common gets $1.50 a share (total $3.00 = 2 × $1.50):
  /// $3M + $4M + 8,000,000 × $1.50 = $19M.
  @Test func breakpointsIncludeTheCap() throws {
    let cli = try CLIHarness()
    try build(cli)
    let text = try cli.sh("exit --breakpoints --options exclude --date 2027-02-01").stdout
    #expect(text.contains("$19,000,000.00"))
    #expect(text.contains("Series B reaches its participation cap"))
    #expect(try cli.run(CLIHarness.words("exit --value 5M --sweep 0:1M:1")).status == 2)
    // A chart of a sweep: one band per class (Common, Series A, Series B) and one for options,
    // each labelled directly.
    let chart = cli.folder.appendingPathComponent("exit.svg").path
    try cli.sh("exit --sweep 0:20M:1M --options exclude --date 2027-02-01 --chart \(chart)")
    let svg = try String(contentsOfFile: chart, encoding: .utf8)
    #expect(svg.hasPrefix("<svg"))
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(svg.components(separatedBy: "<polygon").count - 1 == 4)
    #expect(svg.contains(">Series B</text>"))
    #expect(try cli.run(CLIHarness.words("exit --value 5M --chart x.svg")).status == 2)
  }
}

@Suite("capstan exit with a SAFE outstanding")
struct ExitWithSAFEEndToEndTests {
  /// 9,000,000 common and a $1M post-money SAFE capped at $10M: the Liquidity Capitalization
  /// counts the SAFE's own shares, LC = 9,000,000 + S with S = 1M × LC ÷ 10M, so LC =
  /// 10,000,000 and S = 1,000,000 (10 %). At $5M it takes its $1M back (converted: 5M ÷ 10 =
  /// $500,000, less); at $50M converting pays more: $5,000,000, founders $45,000,000.
  @Test(arguments: [
    ("5M", "F,4000000.00", "Angel,1000000.00"), ("50M", "F,45000000.00", "Angel,5000000.00"),
  ])
  func safePaidTheGreaterOfAmountAndConversion(value: String, founders: String, angel: String)
    throws
  {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Co --incorporated 2024-01-01", "class add Common --authorized 10M",
      "stakeholder add F", "stakeholder add Angel",
      "issue F 9M Common --price 0.0001 --date 2024-01-01",
      "safe add Angel 1M --cap 10M --date 2024-06-01",
    ] {
      try cli.sh(line)
    }
    let csv = try cli.sh("exit --value \(value) --date 2025-01-01 --format csv").stdout
    #expect(csv.contains(founders))
    #expect(csv.contains(angel))
  }
}
