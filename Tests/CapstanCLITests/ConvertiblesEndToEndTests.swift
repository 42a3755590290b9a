import Foundation
import Testing

@Suite("capstan safe / note / warrant, end to end")
struct ConvertiblesEndToEndTests {
  /// The round-modelling issue's worked example, recorded in a workspace: founders 8,000,000;
  /// 600,000 options outstanding and 400,000 unissued (a 1,000,000 plan); SAFE A $500,000 cap
  /// $8M; SAFE B $1,000,000 cap $12M, 20 % discount; $6M at $24M pre-money, 12 % pool target.
  /// Expected numbers are the issue's: $2.0125, 1,388,810, 658,536, 878,048, 2,981,366.
  @Test func safesInTheLedgerConvertInRoundModel() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add \"Example Co\" --incorporated 2024-01-01",
      "class add Common --authorized 30M",
      "stakeholder add Founders", "stakeholder add Staff", "stakeholder add \"SAFE A\"",
      "stakeholder add \"SAFE B\"",
      "issue Founders 8M Common --price 0.0001 --date 2024-01-01",
      "plan add Plan --class Common --reserve 1M",
      "grant Staff 600k --plan Plan --strike 0.1 --date 2024-02-01",
      "safe add \"SAFE A\" 500k --cap 8M --date 2025-01-01",
      "safe add \"SAFE B\" 1M --cap 12M --discount 20% --date 2025-02-01",
    ] {
      try cli.sh(line)
    }
    let json = try cli.sh(
      "round model --pre-money 24M --invest Lead=6M --pool-target 12% --date 2026-03-01 --format json"
    ).stdout
    let round = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(round["price_per_share"] as? String == "2.0125")
    #expect(round["pool_increase"] as? Int == 1_388_810)
    let conversions = try #require(round["conversions"] as? [[String: Any]])
    #expect(conversions.map { $0["security"] as? String } == ["SAFE-1", "SAFE-2"])
    #expect(conversions.map { $0["shares"] as? Int } == [658_536, 878_048])
    #expect((round["investors"] as? [[String: Any]])?.first?["shares"] as? Int == 2_981_366)
    // Before the SAFEs were issued, nothing converts.
    let early = try cli.sh(
      "round model --pre-money 24M --invest Lead=6M --date 2024-12-31 --format json"
    ).stdout
    #expect(early.contains("\"conversions\": []"))
  }

  /// A warrant for 50,000 Common counts in fully diluted (with options): 4,000,000 stock +
  /// 50,000 warrant + 1,000,000 pool = 5,050,000; the lender holds 50,000/5,050,000 = 1/101.
  /// Cancelling 20,000 of it leaves 30,000: 30,000/5,030,000 = 3/503.
  @Test func warrantsCountInFullyDilutedAndAgainstAuthorized() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Co --incorporated 2024-01-01", "class add Common --authorized 5,050,000",
      "stakeholder add Ada", "stakeholder add Lender", "stakeholder add Bank",
      "issue Ada 4M Common --price 0.0001 --date 2024-01-01",
      "plan add Plan --class Common --reserve 1M",
      "warrant add Lender 50,000 Common --strike 0.50 --date 2024-05-01 --expires 2034-05-01",
      "note add Bank 250k --rate 8% --date 2024-03-01 --maturity 2026-03-01 --cap 10M --discount 15%",
    ] {
      try cli.sh(line)
    }
    let table = try cli.sh("table --as-of 2024-12-31 --format csv").stdout
    #expect(table.contains("Lender,holder,0,50000,0,50000,1/101,0.99"))
    let full = try cli.run(CLIHarness.words("issue Ada 1 Common --price 0.0001 --date 2024-06-01"))
    #expect(full.status == 1, "the warrant's 50,000 shares count against the 5,050,000 authorized")
    try cli.sh("cancel W-1 20,000 --date 2024-07-01")
    let after = try cli.sh("table --as-of 2024-12-31 --format csv").stdout
    #expect(after.contains("Lender,holder,0,30000,0,30000,3/503,0.60"))
    let ledger = try cli.sh("ledger --format csv").stdout  // details whole, not wrapped
    #expect(
      ledger.contains("note of $250,000.00 from Bank at 8.00% simple, act/365, matures 2026-03-01"))
    #expect(ledger.contains("warrant for 50,000 Common to Lender, strike $0.50"))
  }

  @Test(arguments: [
    ("safe add Nobody 500k --date 2025-01-01", "Nobody"),
    ("safe add Ada 0 --date 2025-01-01", "positive"),
    ("safe add Ada 500k --discount 120% --date 2025-01-01", "discount"),
    ("note add Ada 100k --rate 8% --date 2025-01-01 --maturity 2024-06-01", "matures"),
    ("warrant add Ada 10 Preferred --strike 1 --date 2025-01-01", "Preferred"),
  ])
  func badConvertiblesAreRefused(line: String, mention: String) throws {
    let cli = try CLIHarness()
    for setup in [
      "init", "company add Co --incorporated 2024-01-01", "class add Common --authorized 1M",
      "stakeholder add Ada",
    ] {
      try cli.sh(setup)
    }
    let result = try cli.run(CLIHarness.words(line))
    #expect(result.status == 1, "\(line)")
    #expect(result.stderr.contains(mention), "\(line): \(result.stderr)")
  }
}

@Suite("MFN adoption at a round")
struct MFNEndToEndTests {
  /// Founders 9,000,000; SAFE-1 (MFN) $500k capped at $10M; later SAFE-2 $500k capped at $6M;
  /// a $1M round at a stated $2.00. Post-money SAFEs: Company Capitalization CC = 9,000,000 +
  /// both SAFEs' shares. Adopting SAFE-2's cap, each converts into 500,000 ÷ (6M ÷ CC) = CC/12,
  /// so CC = 9M + CC/6 → CC = 10,800,000 and each gets 900,000. Without the election SAFE-1
  /// gets CC/20 with CC = 9M + CC/20 + CC/12 = 9M × 15/13 → floor(519,230.77) = 519,230.
  @Test(arguments: [("--mfn-adopt SAFE-1=SAFE-2", 900_000), ("", 519_230)])
  func mfnSAFEAdoptsTheLaterCap(flag: String, shares: Int) throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Co --incorporated 2024-01-01", "class add Common --authorized 20M",
      "stakeholder add F", "stakeholder add Early", "stakeholder add Later",
      "issue F 9M Common --price 0.0001 --date 2024-01-01",
      "safe add Early 500k --cap 10M --mfn --date 2025-01-01",
      "safe add Later 500k --cap 6M --date 2025-06-01",
    ] {
      try cli.sh(line)
    }
    let json = try cli.sh(
      "round model --price 2.00 --invest Lead=1M --date 2026-01-01 \(flag) --format json"
    ).stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let conversions = try #require(object["conversions"] as? [[String: Any]])
    #expect(
      conversions.first { $0["security"] as? String == "SAFE-1" }?["shares"] as? Int == shares)
  }
}
