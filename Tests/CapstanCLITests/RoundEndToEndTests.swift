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
  /// by the dollars-invested method: (18,000,000 + 900,000) ÷ 9,000,000 = $2.10; the SAFE
  /// converts at 0.8 × 2.10 = $1.68 into ⌊535,714.3⌋ = 535,714 shares; the lead gets
  /// ⌊3,000,000 ÷ 2.10⌋ = 1,428,571; saved and shown again with the same basis.
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
      #expect(object["price_per_share"] as? String == "2.1")
      let conversions = try #require(object["conversions"] as? [[String: Any]])
      #expect(conversions.first?["shares"] as? Int == 535_714)
      let investors = try #require(object["investors"] as? [[String: Any]])
      #expect(investors.first?["shares"] as? Int == 1_428_571)
      #expect(object["post_money_fully_diluted"] as? Int == 10_964_285)
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
  /// Ada holds 4,000,000 of 9,000,000 fully diluted: her entitlement in a $3M round is
  /// 4/9 × $3,000,000 = $1,333,333.33; at a stated $1.00 she buys 1,333,333 shares when she
  /// takes it all, 500,000 for $500,000, none when she declines.
  @Test(arguments: [("full", 1_333_333), ("500k", 500_000), ("declined", 0)])
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
    #expect((object["investors"] as? [[String: Any]])?.first?["shares"] as? Int == 3_000_000)
  }
}
