import Foundation
import Testing

/// An offer with a compute-SAFE leg (issue 18 items 1 and 3): the leg buys no shares in the
/// offer's round, is shown with its estimated conversion at the better of its cap and discount,
/// and its compute is drawn by the runway in its window.
@Suite struct OfferComputeSAFEEndToEndTests {
  /// Offer E is B's terms ($7M cash at $23M pre, 10 % pool) plus a compute-SAFE from ComputeCo:
  /// 600,000 GPU-hours at $2.50 = $1,500,000 agreed value, cap $28M, discount 20 %. The round
  /// is B's: price $2.1434 and post FD 13,996,529 (OfferEndToEndTests derives both). The
  /// estimate, fully drawn, with this round standing in for the next: as a post-money safe
  /// the leg owns 1.5/28 = 3/56 of the capitalization counted with its own shares, so the cap
  /// price is 26,500,000 ÷ 13,996,529 ≈ $1.8933 (⌊13,996,529 × 3/53⌋ = 792,256 shares); the
  /// discount price 2.1434 × 0.8 = $1.71472 is lower: ⌊1,500,000 ÷ 1.71472⌋ = ⌊874,778.4⌋ =
  /// 874,778 shares at the discount. (The estimate before this change, 749,814 = ⌊1,500,000 ×
  /// 13,996,529 ÷ 28,000,000⌋, left out the leg's own shares and the discount.) GPU-hours
  /// bought: 600,000 (B buys none).
  ///
  /// Runway with $1.2M cash, burn 180,000 and 60,000 GPU-hours a month at $2.50 (the offer's
  /// $7M arrives at the closing 2026-06-01): B spends 330,000 a month, 8,200,000 ÷ 330,000 =
  /// 24 + 28/33 ⇒ 24.85. E draws the leg in its window (months 1-6, July to December,
  /// 60,000 a month): 8,200,000 − 330,000 − 6 × 180,000 = 6,790,000 at the start of month 7,
  /// then 20 months of 330,000 and 190,000 left ⇒ 27 + 19/33 ⇒ 27.58.
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
    #expect(show.contains("at the discount, 874,778 shares (an estimate)"), "\(show)")
    #expect(show.contains("cap price $1.8933, discount price $1.7147"), "\(show)")
    let json = try cli.sh("offer show E --format json").stdout
    #expect(json.contains("\"estimated_shares\": \"874778\""), "\(json)")
    #expect(json.contains("\"estimate_basis\": \"discount\""), "\(json)")
    let runway = "--cash 1.2M --cash-burn 180k --gpu-hours 60,000 --gpu-hour-price 2.50"
    let csv = try cli.sh("compare B E \(runway) --format csv").stdout
    #expect(csv.contains("price_per_share,2.1434,2.1434\n"), "\(csv)")
    #expect(csv.contains("post_money_fully_diluted,13996529,13996529\n"), "\(csv)")
    #expect(csv.contains("compute_units,0,600000\n"), "\(csv)")
    #expect(csv.contains("compute_safe_agreed_value,,1500000.00\n"), "\(csv)")
    #expect(csv.contains("compute_safe_estimated_shares,,874778\n"), "\(csv)")
    #expect(csv.contains("compute_safe_estimate_basis,,discount\n"), "\(csv)")
    #expect(csv.contains("runway_months,24.85,27.58\n"), "\(csv)")
    let report = try cli.sh("report company --offer E \(runway) --format json").stdout
    #expect(report.contains("\"compute_safes\""), "\(report)")
    #expect(report.contains("\"estimated_shares\": 874778"), "\(report)")
    #expect(report.contains("\"runway_months\": \"27.5758\""), "\(report)")
    let saved = try cli.sh("round save --from-offer E").stdout
    #expect(saved.contains("Not carried: the compute-SAFE from ComputeCo"), "\(saved)")
    // Without a cap there is nothing to estimate.
    try cli.sh(
      "offer add F --pre-money 23M --invest Lead=7M --pool-target 10% --date 2026-06-01 "
        + "--compute-safe provider=GPUCo,commitment=1000,agreed=2,window=2026-07-01:2026-12-31")
    let noCap = try cli.sh("offer show F").stdout
    #expect(noCap.contains("no cap or discount: not estimated"), "\(noCap)")
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
