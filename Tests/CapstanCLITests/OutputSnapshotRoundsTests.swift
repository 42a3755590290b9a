import Foundation
import Testing

/// Whole-output snapshots of the rounds, exits, tokens and scenario commands on the demo
/// company (Acme AI: Ada and Grace 4,000,000 common each, the 2025 Plan's 1,000,000 with
/// 287,500 options out and 62,500 exercised; today is 2026-06-30).
@Suite struct OutputSnapshotRoundsTests {
  /// A SAFE, a round modelled, saved, listed, shown, used by `exit --round` and closed; the
  /// exits after it; refused inputs with their exit codes.
  @Test func roundsAndExits() throws {
    var snapshot = try OutputSnapshot.demo()
    try snapshot.run([
      "stakeholder add Angel",
      "safe add Angel 500k --cap 8M --date 2025-09-01",
      "round model --pre-money 24M --invest Lead=6M --pool-target 12% --date 2026-06-30",
      "round model --pre-money 24M --invest Lead=6M --invest Ada=500k --pool-target 12% "
        + "--date 2026-06-30 --format json",
      "round save \"Series A\" --pre-money 24M --invest Lead=6M --pool-target 12% "
        + "--date 2026-06-30",
      "round list",
      "round show \"Series A\"",
      "round show \"Series A\" --format json",
      "round show Nope",
      "exit --value 50M --round \"Series A\"",
      "round close \"Series A\"",
      "round close \"Series A\"",
      "exit --value 50M --expenses 1.5M --carve-out 5%",
      "exit --value 50M --format json",
      "exit --value 50M --format csv",
      "exit --sweep 0:100M:25M",
      "exit --sweep 0:100M:25M --format csv",
      "exit --sweep 0:100M:50M --format json",
      "exit --breakpoints",
      "exit --breakpoints --format json",
      "exit --breakpoints --format csv",
      "exit --value 50M --options vested --as-of 2026-01-01",
      "exit",
      "exit --value lots",
      "exit --value 5M --as-of 2026-02-30",
    ])
    try snapshot.assertMatches("rounds")
  }

  /// A token defined and priced, a round paid partly in tokens, the grant's balances, stress,
  /// the issuer's view and the financing comparison.
  @Test func tokensAndCompare() throws {
    var snapshot = try OutputSnapshot.demo()
    try snapshot.run([
      "token add H100H --issuer ComputeCo --unit \"H100-hour\" --units-per-token 1 --peg 2.50",
      "token price H100H 2.60 --on 2026-06-01",
      "token list",
      "token list --format csv",
      "tokens",
      "round save T --pre-money 18M --invest Lead=3M "
        + "--invest-tokens ComputeCo=1,500,000@2.00xH100H --pool-target 10% --date 2026-06-30 "
        + "--token-unlock 24/6/1",
      "round show T",
      "round close T",
      "tokens",
      "tokens --format csv",
      "tokens --format json",
      "tokens show --as-of 2027-07-15",
      "tokens stress --shock -50% --cash 2M --cash-burn 150k --gpu-hours 40,000",
      "tokens stress --shock -90% --format json",
      "tokens stress --format csv",
      "tokens issuer H100H",
      "tokens issuer H100H --format csv",
      "tokens issuer H100H --format json",
      "tokens issuer NOPE",
      "tokens --as-of 2026-13-01",
      "compare --need 3M --cash-offer pre=18M,amount=3M --credits amount=3M,expires=12m "
        + "--token-offer tokens=1.5M,agreed=2.00,pre=18M --token H100H "
        + "--cash 1M --cash-burn 150k --gpu-hours 40,000",
      "compare --need 3M --cash-offer pre=18M,amount=3M "
        + "--token-offer tokens=1.5M,agreed=2.00,percent=10% --provider Ada --format json",
      "compare --need 3M --cash-offer pre=18M,amount=3M --format csv",
      "compare --need 3M",
      "token redeem H100H 10",
      "token sell H100H 10 --price 2.40",
    ])
    try snapshot.assertMatches("tokens")
  }

  /// A scenario file evaluated (`model`, which takes no workspace) and written as a new
  /// company (`apply`).
  @Test func scenarios() throws {
    var snapshot = try OutputSnapshot.empty()
    let cli = snapshot.cli
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/scenarios")
    for name in ["series-a-worked-example.yaml", "compute-tokens.yaml"] {
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent(name), to: cli.folder.appendingPathComponent(name))
    }
    // `model` refuses --db, so its lines run without one, written as OutputSnapshot writes.
    var transcript = ""
    for line in [
      "model series-a-worked-example.yaml", "model series-a-worked-example.yaml --format json",
      "model compute-tokens.yaml", "model series-a-worked-example.yaml --format csv",
      "model missing.yaml",
    ] {
      let result = try cli.run(
        CLIHarness.words(line), withDB: false,
        environment: ["CAPSTAN_TODAY": OutputSnapshot.today, "COLUMNS": "100"])
      transcript += "$ capstan \(line)\n[exit \(result.status)]\n" + result.stdout
      if !result.stderr.isEmpty { transcript += "--- stderr\n" + result.stderr }
      transcript += "\n"
    }
    try snapshot.run(["init", "apply series-a-worked-example.yaml"])
    try assertSnapshot(
      transcript.replacingOccurrences(of: cli.folder.path, with: "$FOLDER")
        + snapshot.transcript, named: "output/scenarios.txt")
  }

  /// Convertibles, a valuation, control records, a compute grant, the term sheet of a saved
  /// round and the company report, with refused inputs.
  @Test func documentsAndRecords() throws {
    var snapshot = try OutputSnapshot.demo()
    try snapshot.run([
      "safe add Ada 500k --cap 8M --date 2025-09-01",
      "note add Grace 250k --rate 8% --date 2025-10-01 --maturity 2027-10-01 --cap 10M "
        + "--discount 15%",
      "warrant add Linus 50,000 Common --strike 0.50 --date 2025-11-01 --expires 2035-11-01",
      "safe list",
      "safe list --format csv",
      "note list --format json",
      "safe add Nobody 500k --date 2025-01-01",
      "note add Grace 250k --rate 8% --date 2025-02-30",
      "valuation add --class Common --price 0.20 --date 2026-01-31 --provider Carta",
      "valuation list",
      "valuation list --format csv",
      "board add Ada --seat \"Founder director\" --date 2026-03-01",
      "board provision Grace \"Veto on new senior classes\" --date 2026-03-01",
      "compute-use add 40,000 --date 2026-06-30",
      "board list",
      "board add Nobody --date 2026-03-01",
      "token add H100H --issuer ComputeCo --unit \"H100-hour\" --peg 2.50",
      "grant-compute ComputeCo H100H 1,000,000 --agreed-price 2.00 --unlock 24/6/1 "
        + "--date 2026-06-01",
      "grant-compute ComputeCo H100H 1,000 --agreed-price 2.00 --price-gate 500@3.00",
      "round save \"Series A\" --pre-money 24M --invest Lead=6M --pool-target 12% "
        + "--date 2026-06-30",
      "termsheet \"Series A\"",
      "termsheet Nope",
      "report company",
      "report company --format csv",
    ])
    try snapshot.assertMatches("documents")
  }
}
