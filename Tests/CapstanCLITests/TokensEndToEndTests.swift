import Foundation
import Testing

@Suite("capstan token / grant-compute / tokens, end to end")
struct TokensEndToEndTests {
  /// The seed: founders 9,000,000 common, pool 1,000,000; the H100H token with market
  /// prices $2.60 (2026-06-01, the closing: must change nothing), $1.40 (2026-11-01) and $2.90
  /// (2027-07-01).
  static func seed(_ cli: CLIHarness) throws {
    for line in [
      "init", "company add Acme --incorporated 2026-01-01",
      "class add Common --authorized 20M", "stakeholder add Founders",
      "issue Founders 9M Common --price 0.0001 --date 2026-01-01",
      "plan add Plan --class Common --reserve 1M",
      "token add H100H --issuer ComputeCo --unit \"H100-hour\" --units-per-token 1 --peg 2.50",
      "token price H100H 2.60 --on 2026-06-01",
    ] {
      try cli.sh(line)
    }
    let csv = cli.folder.appendingPathComponent("prices.csv")
    try "symbol,date,price\nH100H,2026-11-01,1.40\nH100H,2027-07-01,2.90\n".write(
      to: csv, atomically: true, encoding: .utf8)
    #expect(try cli.sh("token prices import \(csv.path)").stdout.contains("Imported 2 prices"))
  }

  /// Acceptance lines 1 and 2 through the CLI (hand derivations in TokenAcceptanceTests).
  @Test func tokenRoundThenUnlocks() throws {
    let cli = try CLIHarness()
    try Self.seed(cli)
    let model = try cli.sh(
      "round model --pre-money 18M --invest Lead=3M --invest-tokens ComputeCo=1,500,000@2.00xH100H --pool-target 10% --date 2026-06-01 --format json"
    ).stdout
    #expect(model.contains("\"price\": \"1.7333\"") || model.contains("1.7333"))
    try cli.sh(
      "round save A --pre-money 18M --invest Lead=3M --invest-tokens ComputeCo=1,500,000@2.00xH100H --pool-target 10% --date 2026-06-01 --token-unlock 24/6/1 --token-release in-step"
    )
    try cli.sh("round close A")
    let table = try cli.sh("table --as-of 2026-06-01 --format csv").stdout
    #expect(table.contains("Lead,holder,1730802,"))
    #expect(table.contains("ComputeCo,holder,1730802,"))
    #expect(table.contains("Plan,pool,0,0,1384616,1384616,"))
    #expect(
      try cli.sh("table --as-of 2026-06-01 --format json").stdout.contains("\"total\": 13846220"))

    let nov = try cli.sh("tokens --as-of 2026-11-30 --format csv").stdout
    // grant,provider,symbol,granted,unlocked,locked,available,...
    #expect(nov.contains("CG-1,ComputeCo,H100H,1500000,0,1500000,0,0,0,0,0,"))
    #expect(
      nov.contains(",1.40,market,2.00,2100000.00,0.00,2100000.00,3000000.00,-900000.00,900000.00,"))
    #expect(nov.contains(",1730802,0,0.00\n"))
    let dec = try cli.sh("tokens --as-of 2026-12-01 --format csv").stdout
    #expect(dec.contains("CG-1,ComputeCo,H100H,1500000,375000,1125000,375000,"))
    #expect(dec.contains(",1730802,432700,0.00\n"))
    let jul = try cli.sh("tokens --as-of 2027-07-15 --format csv").stdout
    #expect(jul.contains("CG-1,ComputeCo,H100H,1500000,812500,687500,812500,"))
    #expect(jul.contains(",2.90,market,2.00,1993750.00,"))
    #expect(jul.contains(",1730802,937517,0.00\n"))
    let text = try cli.sh("tokens --as-of 2027-07-15").stdout
    #expect(text.contains("$4,350,000.00"))
  }

  /// Redeem, sell and clawback are ledger facts; a failing one writes nothing.
  ///
  /// 100,000 tokens at grant, clawback clause; redeem 30,000, sell 20,000 at $2.40:
  /// available 100,000 − 30,000 − 20,000 = 50,000. Redeeming 60,000 is refused.
  @Test func redeemSellAndRefusals() throws {
    let cli = try CLIHarness()
    try Self.seed(cli)
    try cli.sh("stakeholder add ComputeCo2")
    try cli.sh(
      "grant-compute ComputeCo H100H 100,000 --agreed-price 2.00 --date 2026-06-01")
    try cli.sh("token redeem H100H 30,000 --date 2026-07-01")
    try cli.sh("token sell H100H 20,000 --price 2.40 --date 2026-07-02")
    let refused = try cli.run(["token", "redeem", "H100H", "60,000", "--date", "2026-07-03"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("at most the 50,000 H100H tokens"))
    let csv = try cli.sh("tokens --as-of 2026-07-03 --format csv").stdout
    #expect(csv.contains("CG-1,ComputeCo,H100H,100000,100000,0,50000,30000,20000,0,0,"))
    let bad = cli.folder.appendingPathComponent("bad.csv")
    try "symbol,date,price\nH100H,2026-12-01,1.10\nH100H,2026-13-01,1.20\n".write(
      to: bad, atomically: true, encoding: .utf8)
    let importFailure = try cli.run(["token", "prices", "import", bad.path])
    #expect(importFailure.status == 1)
    #expect(importFailure.stderr.contains("bad.csv:3"))
    // Nothing of the file was written: 2026-12-01 still takes the 2026-11-01 price.
    #expect(
      try cli.sh("tokens --as-of 2026-12-01 --format csv").stdout.contains(",1.40,market,"))
  }
}
