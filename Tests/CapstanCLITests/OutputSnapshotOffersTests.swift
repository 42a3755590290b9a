import Foundation
import Testing

/// Whole-output transcript of the offer commands on the demo company (Acme AI: Ada and Grace
/// 4,000,000 common each, the 2025 Plan's 1,000,000 with 287,500 options out and 62,500
/// exercised; today is 2026-06-30), with a $750,000 SAFE at an $8M cap outstanding.
@Suite struct OutputSnapshotOffersTests {
  /// Offers added (tokens, credits, revenue share, compute-SAFE), listed, shown, compared, stressed before
  /// closing, refused inputs, removed, and one turned into a saved round.
  @Test func offers() throws {
    var snapshot = try OutputSnapshot.demo()
    let plan = snapshot.cli.folder.appendingPathComponent("plan.csv")
    try "month,revenue\n1,1000000\n2,2000000\n3,4000000\n4,8000000\n5,8000000\n6,8000000\n"
      .write(to: plan, atomically: true, encoding: .utf8)
    let runway = "--cash 1,200,000 --cash-burn 180,000 --gpu-hours 60,000 --gpu-hour-price 2.50"
    try snapshot.run([
      "token add H100H --issuer ComputeCo --unit \"H100-hour\" --units-per-token 1 --peg 2.50",
      "stakeholder add Angel",
      "safe add Angel 750k --cap 8M --date 2026-02-01",
      "offer add A --pre-money 23M --invest Lead=4M "
        + "--invest-tokens ComputeCo=1,500,000@2.00xH100H --pool-target 10% "
        + "--token-unlock 24/6/1 --token-release in-step --date 2026-06-30",
      "offer add B --pre-money 23M --invest Lead=7M --pool-target 10% --date 2026-06-30",
      "offer add C --pre-money 23M --invest Lead=4M --pool-target 10% "
        + "--credits amount=1.5M,expires=12m,provider=CloudCo "
        + "--revenue-share credits=1.5M,percent=10%,cap=1.5x,provider=GPUCo --date 2026-06-30",
      "offer add a --pre-money 1M --invest Lead=1",
      "offer add D --pre-money 23M --invest Lead=4M --credits amount=1M",
      "offer add E --pre-money 23M --invest Lead=7M --pool-target 10% --date 2026-06-30 "
        + "--compute-safe provider=ComputeCo,commitment=600,000,agreed=2.50,"
        + "window=2026-07-01:2026-12-31,cap=28M,discount=20%,sla-suspension",
      "offer add X --pre-money 23M --invest Lead=7M --compute-safe provider=ComputeCo,agreed=2",
      "offer list",
      "offer list --format csv",
      "offer show A",
      "offer show C --format json",
      "offer show E",
      "compare B E \(runway)",
      "compare A B \(runway)",
      "compare A B C \(runway) --revenue-plan plan.csv --format csv",
      "compare A",
      "tokens stress --offer A \(runway)",
      "tokens stress --offer B \(runway)",
      "offer remove c",
      "offer remove C",
      "offer list",
      "round save --from-offer A",
      "round list",
    ])
    try snapshot.assertMatches("offers")
  }
}
