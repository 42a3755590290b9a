import Foundation
import Testing

@Suite("capstan round model, end to end")
struct RoundEndToEndTests {
  /// Acme (9,000,000 fully diluted, 750,000 unissued) raises $3M at $18M pre-money with a 10 %
  /// post-money pool target. Let P be the increase: price = 18M ÷ (9M + P); post-money shares
  /// = 21M ÷ price = 7/6 × (9M + P); target 750,000 + P = 1/10 × 7/6 × (9M + P), so
  /// P × (1 − 7/60) = 1,050,000 − 750,000 → P = 300,000 × 60/53 = 339,622.6 → 339,623.
  /// Price = 18,000,000 ÷ 9,339,623 = 1.92726… → $1.9273; lead = floor(3M ÷ 1.9273) = 1,556,581
  /// (1.9273 × 1,556,581 = 2,999,998.57; one more share would cost 3,000,000.50).
  @Test func preMoneyWithAPoolTarget() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let before = try cli.sh("ledger --format json").stdout
    let result = try cli.sh(
      "round model --pre-money 18M --invest lead=3M --pool-target 10% --date 2026-06-01 --format json"
    )
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["pool_increase"] as? Int == 339_623)
    #expect(object["price_per_share"] as? String == "1.9273")
    let investors = try #require(object["investors"] as? [[String: Any]])
    #expect(investors.first?["shares"] as? Int == 1_556_581)
    #expect(object["post_money_fully_diluted"] as? Int == 9_000_000 + 339_623 + 1_556_581)
    #expect(try cli.sh("ledger --format json").stdout == before)
  }

  /// Acme (9,000,000 fully diluted) with a $900,000 SAFE at a 20 % discount and no cap, priced
  /// by the dollars-invested method (Cooley): p = (18,000,000 + 900,000) ÷ (9,000,000 + S) with
  /// S = 900,000 ÷ 0.8p, so 9,000,000 p = 18,900,000 − 1,125,000 and p = $1.975 exactly; the
  /// SAFE converts at 0.8 × 1.975 = $1.58 into ⌊569,620.25⌋ = 569,620 shares (18,900,000 ÷
  /// 9,569,620 = 1.97500005 still rounds to 1.9750); the lead gets ⌊3,000,000 ÷ 1.975⌋ =
  /// ⌊1,518,987.3⌋ = 1,518,987; post 9,000,000 + 569,620 + 1,518,987 = 11,088,607. Saved and
  /// shown again with the same basis.
  @Test func dollarsInvestedBasis() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    try cli.sh("stakeholder add Angel")
    try cli.sh("safe add Angel 900k --discount 20% --date 2026-01-01")
    let terms = "--pre-money 18M --invest Lead=3M --basis dollars-invested --date 2026-06-01"
    try cli.sh("round save Seed \(terms)")
    for command in ["round model \(terms)", "round show Seed"] {
      let json = try cli.sh("\(command) --format json").stdout
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
      #expect(object["price_per_share"] as? String == "1.975")
      let conversions = try #require(object["conversions"] as? [[String: Any]])
      #expect(conversions.first?["shares"] as? Int == 569_620)
      let investors = try #require(object["investors"] as? [[String: Any]])
      #expect(investors.first?["shares"] as? Int == 1_518_987)
      #expect(object["post_money_fully_diluted"] as? Int == 11_088_607)
    }
  }

  /// A $1,000,000 note (no interest) capped at $9M, in Acme's $3M round at $18M pre-money
  /// (9,000,000 fully diluted, no pool increase). Over the pre-money fully diluted shares
  /// (default) the cap price is 9M ÷ (9M + s) with s = 1M ÷ cap price, so s = 1M + s/9 and
  /// s = 1,125,000. Stated over the pre-money company capitalization (no conversions) it is
  /// 9M ÷ 9M = $1.00: 1,000,000 shares.
  @Test(arguments: [("", 1_125_000), (" --cap-basis pre-money-company-capitalization", 1_000_000)])
  func noteCapBasis(flag: String, shares: Int) throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    try cli.sh("stakeholder add Bank")
    try cli.sh("note add Bank 1M --rate 0% --cap 9M --date 2026-01-01\(flag)")
    let json = try cli.sh(
      "round model --pre-money 18M --invest Lead=3M --date 2026-06-01 --format json"
    ).stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let conversions = try #require(object["conversions"] as? [[String: Any]])
    #expect(conversions.first?["shares"] as? Int == shares)
    #expect(conversions.first?["bound_by"] as? String == "cap")
    let ledger = try cli.sh("ledger").stdout
    #expect(ledger.contains("cap over pre-money-company-capitalization") == !flag.isEmpty)
  }

  @Test func termsAreCheckedBeforeAnythingRuns() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    #expect(try cli.run(CLIHarness.words("round model --invest lead=3M")).status == 2)
    #expect(
      try cli.run(CLIHarness.words("round model --pre-money 18M --price 1 --invest lead=3M")).status
        == 2)
    let bad = try cli.run(CLIHarness.words("round model --pre-money 18M --invest lead"))
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("NAME=AMOUNT"))
  }
}

@Suite("capstan round model, pro rata")
struct RoundProRataEndToEndTests {
  /// Ada holds 4,000,000 of 9,000,000 fully diluted, 750,000 of them the unissued pool: her
  /// fraction is 4,000,000 ÷ 8,250,000 = 16/33 of the 3,000,000 shares a $3M round sells at a
  /// stated $1.00, ⌊1,454,545.45⌋ = 1,454,545 when she takes it all, 500,000 for $500,000,
  /// none when she declines; the Lead keeps the rest of the 3,000,000.
  @Test(arguments: [("full", 1_454_545), ("500k", 500_000), ("declined", 0)])
  func proRataElections(take: String, shares: Int) throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let json = try cli.sh(
      "round model --price 1.00 --invest Lead=3M --pro-rata Ada=\(take) --date 2026-01-01 --format json"
    ).stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let rows = try #require(object["pro_forma"] as? [[String: Any]])
    let ada = try #require(rows.first { $0["name"] as? String == "Ada" })
    #expect(ada["pro_rata"] as? Int == shares)
    #expect(
      (object["investors"] as? [[String: Any]])?.first?["shares"] as? Int == 3_000_000 - shares)
    #expect(object["post_money_fully_diluted"] as? Int == 12_000_000)
  }

  /// `--pro-rata-on-top`: the Lead keeps its 3,000,000 and Ada's 1,454,545 come on top:
  /// 9,000,000 + 3,000,000 + 1,454,545 = 13,454,545.
  @Test func proRataOnTop() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let json = try cli.sh(
      "round model --price 1.00 --invest Lead=3M --pro-rata Ada=full --pro-rata-on-top --date 2026-01-01 --format json"
    ).stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect((object["investors"] as? [[String: Any]])?.first?["shares"] as? Int == 3_000_000)
    #expect(object["post_money_fully_diluted"] as? Int == 13_454_545)
  }

  /// A `--pro-rata` holder who is no stakeholder is refused by name, by `round model` and by
  /// `round save` (which then saves nothing).
  @Test func unknownProRataHolderIsRefusedByName() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    for command in ["round model", "round save \"Series A\""] {
      let refused = try cli.run(
        CLIHarness.words(
          "\(command) --price 1.00 --invest Lead=3M --pro-rata \"Nobody Capital=full\" --date 2026-01-01"
        ))
      #expect(refused.status == 1)
      #expect(refused.stderr.contains("no stakeholder is named 'Nobody Capital'"))
    }
    #expect(try cli.sh("round list").stdout.contains("No saved rounds"))
  }

  /// The holder is found by name once, ignoring case as `stakeholder` lookups do: `ada` is
  /// Ada, and her row gets the same 1,454,545 shares as above.
  @Test func proRataHolderResolvesOnce() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let json = try cli.sh(
      "round model --price 1.00 --invest Lead=3M --pro-rata ada=full --date 2026-01-01 --format json"
    ).stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let rows = try #require(object["pro_forma"] as? [[String: Any]])
    let ada = try #require(rows.first { $0["name"] as? String == "Ada" })
    #expect(ada["pro_rata"] as? Int == 1_454_545)
  }
}
