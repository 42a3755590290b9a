import Foundation
import Testing

/// An offer with a compute-SAFE leg (issue 18 items 1 and 3): the leg buys no shares in the
/// offer's round and is shown with its estimated conversion at the cap.
@Suite struct OfferComputeSAFEEndToEndTests {
  /// Offer E is B's terms ($7M cash at $23M pre, 10 % pool) plus a compute-SAFE from ComputeCo:
  /// 600,000 GPU-hours at $2.50 = $1,500,000 agreed value, cap $28M, discount 20 %. The round
  /// is B's: price $2.1434 and post FD 13,996,529 (OfferEndToEndTests derives both). The
  /// estimate, fully drawn at the cap on this round's post FD: cap price = 28,000,000 ÷
  /// 13,996,529 ≈ $2.0005; shares = ⌊1,500,000 × 13,996,529 ÷ 28,000,000⌋ =
  /// ⌊20,994,793,500,000 ÷ 28,000,000⌋ = ⌊749,814.05⌋ = 749,814. GPU-hours bought: 600,000
  /// (B buys none).
  @Test func computeSAFELeg() throws {
    let cli = try CLIHarness()
    try OfferEndToEndTests.seed(cli)
    let leg =
      "provider=ComputeCo,commitment=600,000,agreed=2.50,window=2026-07-01:2026-12-31,"
      + "cap=28M,discount=20%,sla-suspension"
    let added = try cli.sh(
      "offer add E --pre-money 23M --invest Lead=7M --pool-target 10% --date 2026-06-01 "
        + "--compute-safe \(leg)"
    ).stdout
    #expect(added.contains("13,996,529 shares fully diluted"), "\(added)")
    #expect(added.contains("round save --from-offer does not carry it"), "\(added)")
    let show = try cli.sh("offer show E").stdout
    #expect(show.contains("600,000 GPU-hours at $2.50 = $1,500,000.00 agreed value"), "\(show)")
    #expect(show.contains("749,814 shares (an estimate)"), "\(show)")
    let json = try cli.sh("offer show E --format json").stdout
    #expect(json.contains("\"estimated_shares_at_cap\": \"749814\""), "\(json)")
    let csv = try cli.sh("compare B E --format csv").stdout
    #expect(csv.contains("price_per_share,$2.1434,$2.1434"), "\(csv)")
    #expect(csv.contains("post_money_fully_diluted,\"13,996,529\",\"13,996,529\""), "\(csv)")
    #expect(csv.contains("compute_units,0,\"600,000\""), "\(csv)")
    #expect(csv.contains("compute_safe_estimated_shares,-,\"est. 749,814 shares\""), "\(csv)")
    let saved = try cli.sh("round save --from-offer E").stdout
    #expect(saved.contains("Not carried: the compute-SAFE from ComputeCo"), "\(saved)")
    // Without a cap there is nothing to estimate.
    try cli.sh(
      "offer add F --pre-money 23M --invest Lead=7M --pool-target 10% --date 2026-06-01 "
        + "--compute-safe provider=GPUCo,commitment=1000,agreed=2,window=2026-07-01:2026-12-31")
    let noCap = try cli.sh("offer show F").stdout
    #expect(noCap.contains("no cap: not estimated"), "\(noCap)")
    // A window ending before it starts is refused; nothing is written.
    let refused = try cli.run(
      CLIHarness.words(
        "offer add G --pre-money 23M --invest Lead=7M --date 2026-06-01 --compute-safe "
          + "provider=X,commitment=10,agreed=1,window=2026-12-31:2026-01-01"))
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("--compute-safe window"), "\(refused.stderr)")
    #expect(!(try cli.sh("offer list").stdout.contains("G ")))
  }
}
