import Foundation
import Testing

/// `tokens issuer`: the provider's SAFEs count in its stake as converted at the cap, labelled
/// as an estimate (issue 18, the gaps after items 1-5).
@Suite struct TokensIssuerSAFEStakeEndToEndTests {
  /// Founders 9,000,000 Common; ComputeCo, the issuer of H100H, holds a $1,000,000 post-money
  /// SAFE at a $10,000,000 cap and no shares. As a post-money safe it owns 1/10 of the
  /// capitalization counted with its own shares: 9,000,000 ÷ (1 − 1/10) = 10,000,000, cap
  /// price 10,000,000 ÷ 10,000,000 = $1.00, 1,000,000 shares; its stake is 1,000,000 ÷
  /// 10,000,000 = 10 % (it showed no row at all: no grant and no shares).
  @Test func theProvidersSAFECountsAsConverted() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Acme --incorporated 2026-01-01",
      "class add Common --authorized 30M", "stakeholder add Founders",
      "issue Founders 9M Common --price 0.0001 --date 2026-01-01",
      "token add H100H --issuer ComputeCo --unit H100-hour --units-per-token 1 --peg 2.50",
      "safe add ComputeCo 1M --cap 10M --date 2026-02-01",
    ] {
      try cli.sh(line)
    }
    let csv = try cli.sh("tokens issuer H100H --as-of 2026-03-01 --format csv").stdout
    #expect(csv.contains("Acme,0,0,0,0,0.00,,1000000,10.0000%,0,,0,,true\n"), "\(csv)")
    let text = try cli.sh("tokens issuer H100H --as-of 2026-03-01").stdout
    #expect(text.contains("10.0000% est."), "\(text)")
    #expect(text.contains("estimated at their caps"), "\(text)")
  }
}
