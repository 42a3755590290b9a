import Foundation
import Testing

@Suite("capstan round save / show / close, end to end")
struct RoundCloseEndToEndTests {
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

  /// Closing the worked example writes what the numbers say: SAFE A 658,536 and SAFE B
  /// 878,048 Series A shares, the lead 2,981,366, the pool 400,000 + 1,388,810 = 1,788,810;
  /// fully diluted 8,000,000 + 600,000 + 1,788,810 + 658,536 + 878,048 + 2,981,366 = 14,906,760.
  @Test func closingWritesTheRound() throws {
    let cli = try CLIHarness()
    try build(cli)
    #expect(try cli.sh("round list").stdout.contains("Series A  2026-03-01"))
    try cli.sh("round close \"Series A\"")
    let csv = try cli.sh("table --as-of 2026-03-01 --format csv").stdout
    #expect(csv.contains("Lead,holder,2981366,0,0,2981366,"))
    #expect(csv.contains("SAFE A,holder,658536,0,0,658536,"))
    #expect(csv.contains("SAFE B,holder,878048,0,0,878048,"))
    #expect(csv.contains("Plan,pool,0,0,1788810,1788810,"))
    let json = try cli.sh("table --as-of 2026-03-01 --format json").stdout
    #expect(json.contains("\"total\": 14906760"))
    // The SAFEs are gone: nothing converts in a later round.
    let later = try cli.sh("round model --price 3 --invest X=1M --date 2027-01-01 --format json")
      .stdout
    #expect(later.contains("\"conversions\": []"))
    // The round cannot be closed twice (its class exists and its SAFEs are converted).
    #expect(try cli.run(CLIHarness.words("round close \"Series A\"")).status == 1)
  }

  /// An investor who is already a stakeholder (`--invest founders=1M` names Founders) is one
  /// holder, joined by id: the model shows one Founders row, 8,000,000 + 1,000,000 bought at a
  /// stated $1.00 = 9,000,000, and the close issues the shares to Founders, adding nobody.
  @Test func anExistingStakeholderInvestsAsItself() throws {
    let cli = try CLIHarness()
    try build(cli)
    let model = try cli.sh(
      "round model --price 1.00 --invest founders=1M --date 2024-06-01 --format json"
    ).stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(model.utf8)) as? [String: Any])
    let rows = try #require(object["pro_forma"] as? [[String: Any]])
    let founders = rows.filter { ($0["name"] as? String)?.lowercased() == "founders" }
    #expect(founders.count == 1)
    #expect(founders.first?["new_money"] as? Int == 1_000_000)
    #expect(founders.first?["after"] as? Int == 9_000_000)
    try cli.sh("round save Bridge --price 1.00 --invest founders=1M --date 2024-06-01")
    try cli.sh("round close Bridge")
    let csv = try cli.sh("table --as-of 2024-06-01 --format csv").stdout
    #expect(csv.contains("Founders,holder,9000000,0,0,9000000,"))
    #expect(!csv.contains("founders,"))
  }

  @Test func aChangedLedgerRefusesTheClose() throws {
    let cli = try CLIHarness()
    try build(cli)
    try cli.sh("issue Founders 100,000 Common --price 0.0001 --date 2025-06-01")
    let before = try cli.sh("ledger --format json").stdout
    let result = try cli.run(CLIHarness.words("round close \"Series A\""))
    #expect(result.status == 1)
    #expect(result.stderr.contains("price: 2.0125 →"))
    #expect(try cli.sh("ledger --format json").stdout == before)
    #expect(
      try cli.sh("round show \"Series A\"").stdout.contains("Changed since the round was saved"))
  }
}
