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
    let text = try cli.sh(
      "round model --pre-money 18M --invest Lead=3M --invest-tokens ComputeCo=1,500,000@2.00xH100H --pool-target 10% --date 2026-06-01"
    ).stdout
    #expect(text.contains("$1.7333"))
    #expect(text.contains("384,616"))
    #expect(text.contains("1,730,802   12.5002%"))
    #expect(text.contains("13,846,220"))
    // The spot price is shown and not used.
    #expect(
      text.contains(
        "ComputeCo: 1,500,000 H100H at $2.00 agreed = $3,000,000.00 (market $2.60 on 2026-06-01: $3,900,000.00)"
      ))
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
    let julyText = try cli.sh("tokens --as-of 2027-07-15").stdout
    #expect(julyText.contains("$4,350,000.00"))
    // The issuer's view: 687,500 + 812,500 = 1,500,000 H100-hours owed, at the $2.50 peg
    // $3,750,000 and at $2.90 $4,350,000; ComputeCo holds 12.5002 % fully diluted.
    let issuer = try cli.sh("tokens issuer H100H --as-of 2027-07-15 --format csv").stdout
    #expect(
      issuer.contains("Acme,1,687500,812500,1500000,3750000.00,4350000.00,1730802,12.5002%"))
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
    let unknown = try cli.run([
      "round", "model", "--pre-money", "18M", "--invest-tokens", "X=1,000@2xNOPE",
    ])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("no compute token 'NOPE'"))
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

  /// "N tokens for P %" as a round: 100,000 tokens × $2.50 = $250,000 for 10 %: post-money
  /// 2,500,000, pre 2,250,000 over 10,000,000 fully diluted = $0.225 a share; ComputeCo buys
  /// ⌊250,000 ÷ 0.225⌋ = 1,111,111 of 11,111,111 = 10.0000 %.
  @Test func tokensForAPercentage() throws {
    let cli = try CLIHarness()
    try Self.seed(cli)
    let text = try cli.sh(
      "round model --invest-tokens ComputeCo=100,000@2.50xH100H --token-percent 10% --date 2026-06-01"
    ).stdout
    #expect(text.contains("$0.225"))
    #expect(text.contains("1,111,111"))
    #expect(text.contains("11,111,111"))
    let refused = try cli.run([
      "round", "model", "--pre-money", "1M", "--invest-tokens", "X=1@2xH100H", "--token-percent",
      "10%",
    ])
    #expect(refused.status == 2)
  }

  /// Stress and compare print text, JSON and CSV (numbers derived in TokenValuationTests).
  @Test func stressAndCompare() throws {
    let cli = try CLIHarness()
    try Self.seed(cli)
    try cli.sh(
      "round save A --pre-money 18M --invest Lead=3M --invest-tokens ComputeCo=1,500,000@2.00xH100H --pool-target 10% --date 2026-06-01 --token-unlock 24/6/1 --token-release in-step"
    )
    try cli.sh("round close A")
    let stress = try cli.sh(
      "tokens stress --as-of 2026-12-01 --shock -50% --shock -90% --cash 2M --cash-burn 150k --gpu-hours 40,000 --format csv"
    ).stdout
    // Selling only what has unlocked, month by month: 15 + 7/20 = 15.35 (TokenValuationTests;
    // the closed form sold the locked tokens too and said 16.40).
    #expect(
      stress.contains(
        "market,2026-12-01,H100H=1.40,1500000,1500000,2100000.00,3000000.00,-900000.00,900000.00,1.2133,13.33,15.35"
      ))
    #expect(stress.contains("-50%,2026-12-01,H100H=0.70,1500000,1500000,1050000.00,"))
    #expect(stress.contains("-90%,2026-12-01,H100H=0.14,1500000,1500000,210000.00,"))
    #expect(try cli.sh("tokens stress --as-of 2026-12-01 --shock -50%").stdout.contains("-50%"))
    let compare =
      "compare --need 3M --cash-offer pre=18M,amount=3M --credits amount=3M,expires=12m "
      + "--token-offer tokens=1,500,000,agreed=2.00,pre=18M --as-of 2026-05-31 --cash 1M "
      + "--cash-burn 150k --gpu-hours 40,000"
    let csv = try cli.sh(compare + " --format csv").stdout
    #expect(csv.hasPrefix("metric,cash,credits,tokens\n"))
    #expect(csv.contains("founders_dilution,14.29%,0.00%,14.29%"))
    #expect(csv.contains("runway_months,16.0,6.7,6.7"))
    #expect(csv.contains("value_after_drop,\"$3,000,000.00\",\"$1,200,000.00\",\"$1,875,000.00\""))
    #expect(csv.contains("provider_voting,-,-,15.63%"))
    let json = try cli.sh(compare + " --format json").stdout
    #expect(json.contains("\"provider\": \"ComputeCo\""))
    #expect(try cli.sh(compare).stdout.contains("Founders' dilution"))
  }

  /// A price-gated grant and a clawback through the CLI; its ledger lines name the terms.
  @Test func priceGatedGrantAndClawback() throws {
    let cli = try CLIHarness()
    try Self.seed(cli)
    try cli.sh(
      "grant-compute ComputeCo H100H 100,000 --agreed-price 2 --price-gate 40,000@2.50 --price-gate 60,000@3.00 --gate-end 2028-01-01 --clawback-on \"supply terminated\" --date 2026-06-01"
    )
    // $2.60 on 2026-06-01 reaches the $2.50 target; $3.00 is never reached by 2027-07-15.
    let csv = try cli.sh("tokens --as-of 2027-07-15 --format csv").stdout
    #expect(csv.contains("CG-1,ComputeCo,H100H,100000,40000,60000,40000,"))
    try cli.sh("token clawback CG-1 --event \"supply terminated\" --date 2027-07-15")
    let after = try cli.sh("tokens --as-of 2028-02-01 --format csv").stdout
    #expect(after.contains("CG-1,ComputeCo,H100H,100000,40000,0,40000,0,0,0,60000,"))
    // The details whole (the text listing wraps them at 100 columns).
    let ledger = try cli.sh("ledger --format csv").stdout
    #expect(ledger.contains("60,000 locked tokens of CG-1 clawed back (supply terminated)"))
    let missing = try cli.run([
      "grant-compute", "ComputeCo", "H100H", "10", "--agreed-price", "2", "--price-gate", "10@3",
    ])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("--gate-end"))
  }
}
