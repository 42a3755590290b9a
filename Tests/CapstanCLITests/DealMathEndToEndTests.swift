import Foundation
import Testing

/// Issue 13's round examples through the CLI: `round model`, `round save`, `round close`,
/// `table --as-of` and `exit`, text and JSON. The hand derivations are in
/// `DealMathExampleTests` (engine) and repeated briefly here.
@Suite("deal math examples, end to end")
struct DealMathEndToEndTests {
  static func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  static func row(_ object: [String: Any], _ name: String) throws -> [String: Any] {
    let rows = try #require(object["pro_forma"] as? [[String: Any]])
    return try #require(rows.first { $0["name"] as? String == name })
  }

  /// `round model --help` reads as whole sentences; its text is kept in a snapshot
  /// (CAPSTAN_UPDATE_SNAPSHOTS=1 rewrites it on purpose).
  @Test func roundModelHelp() throws {
    let cli = try CLIHarness()
    let help = try cli.run(["round", "model", "--help"], withDB: false)
    #expect(help.status == 0)
    try assertSnapshot(help.stdout, named: "round-model-help.txt")
  }

  /// Founders 8,000,000 common; a post-money SAFE of $1,000,000 at a $10,000,000 cap; Series A
  /// $3,000,000 at $30,000,000 pre-money, 1x non-participating, no anti-dilution.
  func buildSafePreferred(_ cli: CLIHarness, setting: String = "") throws {
    for line in [
      "init", "company add Safeco --incorporated 2024-01-01\(setting)",
      "class add Common --authorized 20M", "stakeholder add Founders", "stakeholder add Angel",
      "issue Founders 8M Common --price 0.0001 --date 2024-01-01",
      "safe add Angel 1M --cap 10M --date 2025-01-01",
    ] {
      try cli.sh(line)
    }
  }

  static let safePreferredTerms =
    "--pre-money 30M --invest Lead=3M --anti-dilution none --date 2026-03-01"

  /// Price 30,000,000 ÷ (8,000,000 ÷ 0.9) = $3.3750; the SAFE converts at 10,000,000 ÷
  /// 8,888,888.9 = $1.125 into 888,888 shares of its own sub-series Series A-1; the lead buys
  /// ⌊3,000,000 ÷ 3.375⌋ = 888,888; post 9,777,776; 888,888 ÷ 9,777,776 = 9.0909 % each.
  /// Exits (options excluded, none here): at $4M the Lead's preference is 888,888 × 3.375 =
  /// $2,999,997.00 and the Angel's 888,888 × 1.125 = $999,999.00, on par; the founders get the
  /// $4.00 left. At $12M the same, founders $8,000,004.00. At $50M both convert (as common
  /// 50,000,000 × 888,888 ÷ 9,777,776 = $4,545,450.83 > their preferences): founders
  /// 50,000,000 × 8,000,000 ÷ 9,777,776 = $40,909,098.35.
  @Test func safePreferred() throws {
    let cli = try CLIHarness()
    try buildSafePreferred(cli)
    let text = try cli.sh("round model \(Self.safePreferredTerms)").stdout
    #expect(text.contains("Price per share          $3.3750"))
    #expect(text.contains("SAFE-1    Series A-1"))
    #expect(text.contains("$1.125000"))
    #expect(text.contains("Post-money fully diluted 9,777,776"))
    let angelLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("Angel") })
    #expect(angelLine.hasSuffix("888,888    9.0909%"))
    let leadLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("Lead  ") })
    #expect(leadLine.contains("888,888"))
    let model = try Self.object(
      try cli.sh("round model \(Self.safePreferredTerms) --format json").stdout)
    #expect(model["price_per_share"] as? String == "3.375")
    #expect(model["post_money_fully_diluted"] as? Int == 9_777_776)
    let conversion = try #require((model["conversions"] as? [[String: Any]])?.first)
    #expect(conversion["series"] as? String == "Series A-1")
    #expect(conversion["conversion_price"] as? String == "9/8")
    #expect(conversion["shares"] as? Int == 888_888)
    #expect(try Self.row(model, "Angel")["percent_after"] as? String == "9.0909")
    #expect(try Self.row(model, "Lead")["percent_after"] as? String == "9.0909")

    try cli.sh("round save \"Series A\" \(Self.safePreferredTerms)")
    try cli.sh("round close \"Series A\"")
    let classes = try cli.sh("class list").stdout
    let subSeries = try #require(
      classes.split(separator: "\n").first { $0.hasPrefix("Series A-1") })
    #expect(subSeries.contains("888,888"))
    #expect(subSeries.contains("$1.125"))
    let byClass = try cli.sh("table --by class --as-of 2026-03-01 --format csv").stdout
    #expect(byClass.contains("Series A-1,"))
    let table = try cli.sh("table --as-of 2026-03-01 --format json").stdout
    #expect(table.contains("\"total\": 9777776"))

    for (value, expected) in [
      ("4M", ["Founders,4.00,", "Lead,2999997.00,", "Angel,999999.00,"]),
      ("12M", ["Founders,8000004.00,", "Lead,2999997.00,", "Angel,999999.00,"]),
      // Founders 8,000,000 × $50M ÷ 9,777,776 = $40,909,098.3454…; Lead and Angel
      // 888,888 × $50M ÷ 9,777,776 = 2777775000000/611111 = $4,545,450.8265… each; each shown
      // half-up (issue 13's figures), one cent more than $50M in all, which a note states.
      (
        "50M",
        [
          "Founders,40909098.35,", "Lead,4545450.83,", "Angel,4545450.83,",
          ",2777775000000/611111",
        ]
      ),
    ] {
      let csv = try cli.sh(
        "exit --value \(value) --options exclude --date 2026-03-01 --format csv"
      ).stdout
      for line in expected { #expect(csv.contains(line), "exit \(value): \(line)") }
    }
    // The text shows the same half-up figures, the total of $50M, and says the shown payouts
    // add up to one cent more; JSON carries the difference.
    let shown = try cli.sh("exit --value 50M --options exclude --date 2026-03-01").stdout
    for figure in ["$40,909,098.35", "$4,545,450.83", "$50,000,000.00"] {
      #expect(shown.contains(figure), "\(figure)")
    }
    #expect(shown.contains("add up to $50,000,000.01, 1 cent more than the total"))
    let json = try cli.sh("exit --value 50M --options exclude --date 2026-03-01 --format json")
    #expect(json.stdout.contains("\"rounding_difference\": \"0.01\""))
    #expect(json.stdout.contains("\"payout\": \"4545450.83\""))
  }

  /// `company add --conversion-series round-class` keeps the older behaviour: the SAFE's
  /// shares join Series A; it shows in `company show` and the XML export.
  @Test func roundClassSetting() throws {
    let cli = try CLIHarness()
    try buildSafePreferred(cli, setting: " --conversion-series round-class")
    #expect(try cli.sh("company show").stdout.contains("convert into the round class"))
    let model = try Self.object(
      try cli.sh("round model \(Self.safePreferredTerms) --format json").stdout)
    let conversion = try #require((model["conversions"] as? [[String: Any]])?.first)
    #expect(conversion["series"] as? String == "Series A")
    try cli.sh("round save \"Series A\" \(Self.safePreferredTerms)")
    try cli.sh("round close \"Series A\"")
    #expect(!(try cli.sh("class list").stdout.contains("Series A-1")))
    let xml = cli.folder.appendingPathComponent("out.xml").path
    try cli.sh("export xml -o \(xml)")
    #expect(
      try String(contentsOfFile: xml, encoding: .utf8).contains(
        "conversion-series=\"round-class\""))
    // Imported into another workspace, the company keeps its setting.
    let other = cli.folder.appendingPathComponent("other.db").path
    #expect(try cli.run(["init", "--db", other], withDB: false).status == 0)
    let imported = try cli.run(["import", xml, "--db", other], withDB: false)
    #expect(imported.status == 0, "\(imported.stderr)")
    let shown = try cli.run(["company", "show", "--db", other], withDB: false)
    #expect(shown.stdout.contains("convert into the round class"))
  }

  /// Pricing bases: founders 4,000,000; a pre-money SAFE of $1,000,000 at a 25 % discount;
  /// $3,000,000 at $12,000,000 pre-money (derivations in `DealMathExampleTests`).
  @Test(arguments: [
    ("including-conversions", "2.6667", "2.000025", 499_993, 1_124_985, 5_624_978),
    ("excluding-conversions", "3", "2.250000", 444_444, 1_000_000, 5_444_444),
    ("dollars-invested", "2.9167", "2.187525", 457_137, 1_028_559, 5_485_696),
  ])
  func pricingBases(
    basis: String, price: String, conversionPrice: String, safe: Int, lead: Int, post: Int
  ) throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Pb --incorporated 2024-01-01", "class add Common --authorized 20M",
      "stakeholder add Founders", "stakeholder add Angel",
      "issue Founders 4M Common --price 0.0001 --date 2024-01-01",
      "safe add Angel 1M --pre-money --discount 25% --date 2025-01-01",
    ] {
      try cli.sh(line)
    }
    let terms = "--pre-money 12M --invest Lead=3M --basis \(basis) --date 2026-03-01"
    try cli.sh("round save A \(terms)")
    for command in ["round model \(terms)", "round show A"] {
      let model = try Self.object(try cli.sh("\(command) --format json").stdout)
      #expect(model["price_per_share"] as? String == price)
      let conversion = try #require((model["conversions"] as? [[String: Any]])?.first)
      #expect(conversion["conversion_price_display"] as? String == conversionPrice)
      #expect(conversion["shares"] as? Int == safe)
      #expect((model["investors"] as? [[String: Any]])?.first?["shares"] as? Int == lead)
      #expect(model["post_money_fully_diluted"] as? Int == post)
    }
    let text = try cli.sh("round model \(terms)").stdout
    #expect(
      text.contains("Post-money fully diluted \(post.formatted(.number.grouping(.automatic)))"))
    try cli.sh("round close A")
    #expect(
      try cli.sh("table --as-of 2026-03-01 --format json").stdout.contains("\"total\": \(post)"))
  }

  /// Pro rata side letter: founders 9,000,000; a post-money SAFE of $1,500,000 at a
  /// $15,000,000 cap with a side letter; $6,000,000 at $27,000,000 pre-money with 500,000 new
  /// pool shares. Price $2.5714; SAFE 1,000,000 at $1.50; the round sells 2,333,359, 10 % of
  /// them (233,335, $599,997.62) to the Angel, carved out of the lead's: 2,100,024; post
  /// 12,833,359.
  @Test func proRataSideLetter() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Pr --incorporated 2024-01-01", "class add Common --authorized 20M",
      "stakeholder add Founders", "stakeholder add Angel",
      "issue Founders 9M Common --price 0.0001 --date 2024-01-01",
      "plan add Plan --class Common --reserve 0",
      "safe add Angel 1.5M --cap 15M --pro-rata --date 2025-01-01",
    ] {
      try cli.sh(line)
    }
    let terms =
      "--pre-money 27M --invest Lead=6M --pool-increase 500k --pro-rata Angel=full --date 2026-03-01"
    let text = try cli.sh("round model \(terms)").stdout
    #expect(text.contains("$2.5714"))
    #expect(text.contains("Angel   $599,997.62  $599,997.62     $0.00  233,335"))
    #expect(text.contains("Post-money fully diluted 12,833,359"))
    let model = try Self.object(try cli.sh("round model \(terms) --format json").stdout)
    #expect(model["price_per_share"] as? String == "2.5714")
    #expect((model["conversions"] as? [[String: Any]])?.first?["shares"] as? Int == 1_000_000)
    #expect((model["investors"] as? [[String: Any]])?.first?["shares"] as? Int == 2_100_024)
    #expect(try Self.row(model, "Angel")["pro_rata"] as? Int == 233_335)
    #expect(model["post_money_fully_diluted"] as? Int == 12_833_359)
    try cli.sh("round save A \(terms)")
    try cli.sh("round close A")
    let csv = try cli.sh("table --as-of 2026-03-01 --format csv").stdout
    #expect(csv.contains("Angel,holder,1233335,"))
    #expect(csv.contains("Lead,holder,2100024,"))
    #expect(
      try cli.sh("table --as-of 2026-03-01 --format json").stdout.contains(
        "\"total\": 12833359"))
  }

  /// Anti-dilution with a pro rata purchase: founders 2,000,000 common; Fund A 1,000,000
  /// Series A at $2.00, broad-based; Series B at a stated $1.00 raising $1,000,000, Fund A
  /// taking 1,000,000 ÷ 3,000,000 of it (333,333), the lead 666,667. C = 1,000,000: CP2 =
  /// 2.00 × 3,500,000 ÷ 4,000,000 = $1.75; Fund A's 1,000,000 convert into 1,142,857; post
  /// 4,142,857, Fund A (1,142,857 + 333,333) ÷ 4,142,857 = 35.6322 %, before and after the
  /// close.
  @Test func antiDilutionWithAProRataPurchase() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Ad --incorporated 2024-01-01", "class add Common --authorized 20M",
      "class add \"Series A\" --authorized 1M --preferred --issue-price 2.00 --anti-dilution broad --seniority 1",
      "stakeholder add Founders", "stakeholder add \"Fund A\"",
      "issue Founders 2M Common --price 0.0001 --date 2024-01-01",
      "issue \"Fund A\" 1M \"Series A\" --price 2.00 --date 2025-01-01",
    ] {
      try cli.sh(line)
    }
    let terms =
      "--price 1.00 --invest Lead=1M --pro-rata \"Fund A=full\" --class \"Series B\" --date 2026-03-01"
    let text = try cli.sh("round model \(terms)").stdout
    #expect(text.contains("Post-money fully diluted 4,142,857"))
    #expect(text.contains("$1.75"))
    #expect(text.contains("1,142,857"))
    let fundLine = try #require(text.split(separator: "\n").last { $0.hasPrefix("Fund A  ") })
    #expect(fundLine.hasSuffix("1,476,190   35.6322%"))
    try cli.sh("round save B \(terms)")
    let model = try Self.object(try cli.sh("round show B --format json").stdout)
    #expect(model["post_money_fully_diluted"] as? Int == 4_142_857)
    #expect((model["investors"] as? [[String: Any]])?.first?["shares"] as? Int == 666_667)
    let fund = try Self.row(model, "Fund A")
    #expect(fund["pro_rata"] as? Int == 333_333)
    #expect(fund["anti_dilution"] as? Int == 142_857)
    #expect(fund["percent_after"] as? String == "35.6322")
    try cli.sh("round close B")
    let csv = try cli.sh("table --as-of 2026-03-01 --format csv").stdout
    #expect(csv.contains("Fund A,holder,1476190,"))
    #expect(
      try cli.sh("table --as-of 2026-03-01 --format json").stdout.contains("\"total\": 4142857"))
  }
}
