import Foundation
import Testing

@Suite("compute grants on vesting terms (--unlock-*, --token-unlock-*), end to end")
struct TokenUnlockTermsEndToEndTests {
  /// Acceptance line 1's round with ComputeCo's 1,500,000 tokens unlocking 24/6/1 from
  /// 2026-06-01 plus a milestone tranche of 20 % (300,000), its 1,730,802 shares in step.
  /// The time-based part delivers the other 1,200,000.
  ///
  /// - 2026-12-01 (6 months): 1,200,000 × 6 ÷ 24 = 300,000; shares ⌊1,730,802 × 300,000 ÷
  ///   1,500,000⌋ = ⌊346,160.4⌋ = 346,160.
  /// - 2027-01-09 (7 months): 350,000; ⌊1,730,802 × 7 ÷ 30⌋ = ⌊403,853.8⌋ = 403,853.
  /// - 2027-01-10, "Cluster Live" recorded for CG-1: 350,000 + 300,000 = 650,000;
  ///   ⌊1,730,802 × 13 ÷ 30⌋ = ⌊750,014.2⌋ = 750,014.
  @Test func roundWithAMilestoneTranche() throws {
    let cli = try CLIHarness()
    try TokensEndToEndTests.seed(cli)
    try cli.sh(
      "round save A --pre-money 18M --invest Lead=3M --invest-tokens ComputeCo=1,500,000@2.00xH100H --pool-target 10% --date 2026-06-01 --token-unlock 24/6/1 --token-unlock-milestone \"cluster live:20%\" --token-release in-step"
    )
    let closed = try cli.sh("round close A").stdout
    #expect(closed.contains("unlock 24/6/1 from 2026-06-01, milestone \"cluster live\""))
    let dec = try cli.sh("tokens --as-of 2026-12-01 --format csv").stdout
    #expect(dec.contains("CG-1,ComputeCo,H100H,1500000,300000,1200000,300000,"))
    #expect(dec.contains(",1730802,346160,0.00\n"))
    try cli.sh("event record milestone \"Cluster Live\" --security CG-1 --date 2027-01-10")
    let before = try cli.sh("tokens --as-of 2027-01-09 --format csv").stdout
    #expect(before.contains("CG-1,ComputeCo,H100H,1500000,350000,1150000,350000,"))
    #expect(before.contains(",1730802,403853,0.00\n"))
    let after = try cli.sh("tokens --as-of 2027-01-10 --format csv").stdout
    #expect(after.contains("CG-1,ComputeCo,H100H,1500000,650000,850000,650000,"))
    #expect(after.contains(",1730802,750014,0.00\n"))
    // The term sheet's delivery table: the 24 monthly deliveries from the cliff, then the
    // milestone. At the cliff 1,200,000 × 6 ÷ 24 = 300,000, ⌊1,730,802 × 300,000 ÷
    // 1,500,000⌋ = 346,160 shares; the milestone row brings 1,200,000 to 1,500,000 and
    // ⌊1,730,802 × 1,200,000 ÷ 1,500,000⌋ = 1,384,641 to 1,730,802 (346,161 released).
    let sheet = try cli.sh("termsheet A --template compute-for-equity").stdout
    #expect(sheet.contains("with a 6-month cliff, and on the milestone named below"))
    #expect(sheet.contains("| 2026-12-01 | 300,000 | 300,000 | 346,160 | 346,160 |"))
    #expect(
      sheet.contains(
        "| on milestone cluster live | 300,000 | 1,500,000 | 346,161 | 1,730,802 |"))
  }

  /// `grant-compute` with dated tranches in days: 100,000 tokens, tranches 10,000 on
  /// 2026-07-01 and 25 % (25,000) on 2026-10-01, the other 65,000 over 365 days with a
  /// 90-day cliff every 30 days (cumulative floor of 65,000 × d ÷ 365 at the points).
  /// On 2026-09-29 (120 days after 2026-06-01: point 120): ⌊65,000 × 120 ÷ 365⌋ = 21,369,
  /// + 10,000 = 31,369. Tranches above the grant are refused, naming the flag.
  @Test func grantComputeWithTranchesInDays() throws {
    let cli = try CLIHarness()
    try TokensEndToEndTests.seed(cli)
    try cli.sh(
      "grant-compute ComputeCo H100H 100,000 --agreed-price 2 --unlock-days 365/90/30 --unlock-tranches \"2026-07-01:10,000,2026-10-01:25%\" --date 2026-06-01"
    )
    let csv = try cli.sh("tokens --as-of 2026-09-29 --format csv").stdout
    #expect(csv.contains("CG-1,ComputeCo,H100H,100000,31369,68631,31369,"))
    let refused = try cli.run([
      "grant-compute", "ComputeCo", "H100H", "100", "--agreed-price", "2", "--unlock", "12/0/1",
      "--unlock-tranches", "2026-07-01:101", "--date", "2026-06-01",
    ])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("--unlock-tranches"), "\(refused.stderr)")
    #expect(refused.stderr.contains("more than the 100 granted"), "\(refused.stderr)")
    let help = try cli.sh("grant-compute --help").stdout
    for flag in ["--unlock-days", "--unlock-tranches", "--unlock-milestone", "--unlock-allocation"]
    {
      #expect(help.contains(flag))
    }
  }
}
