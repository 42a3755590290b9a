import Foundation
import Testing

/// `report portfolio`: compute granted with no equity has no multiple ("-", null, empty), not
/// 0.00x, and the total MOIC counts the companies where equity is held.
@Suite struct PortfolioNoEquityMOICEndToEndTests {
  /// ComputeCo grants 1,000,000 H100H tokens at an agreed $2.00 to Acme and holds no security
  /// there: cost $2,000,000 in tokens, mark 0, no equity, so no MOIC (it showed 0.00x). In Beta
  /// it bought 100,000 Common at $1.00: cost $100,000, no priced round so marked at cost,
  /// MOIC 100,000 ÷ 100,000 = 1.00x. Total over the companies with equity: 1.00x (it showed
  /// 100,000 ÷ 2,100,000 = 0.05x).
  @Test func aGrantWithoutEquityHasNoMultiple() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Acme --incorporated 2026-01-01",
      "class add Common --authorized 10M",
      "token add H100H --issuer ComputeCo --unit H100-hour --units-per-token 1 --peg 2.50",
      "grant-compute ComputeCo H100H 1,000,000 --agreed-price 2.00 --unlock 24/6/1 "
        + "--date 2026-01-01",
      "company add Beta --incorporated 2026-01-01",
      "class add Common --authorized 10M --company Beta",
      "issue ComputeCo 100,000 Common --price 1.00 --date 2026-02-01 --company Beta",
    ] {
      try cli.sh(line)
    }
    let report = "report portfolio --investor ComputeCo --as-of 2026-06-30"
    let csv = try cli.sh("\(report) --format csv").stdout
    #expect(csv.contains("holdings,companies,1,company,Acme\n"), "\(csv)")
    #expect(csv.contains("holdings,companies,1,moic,\n"), "\(csv)")
    #expect(csv.contains("holdings,companies,2,moic,1.0000\n"), "\(csv)")
    #expect(csv.contains("totals,,0,moic,1.0000\n"), "\(csv)")
    let json = try cli.sh("\(report) --format json").stdout
    #expect(json.contains("\"moic\": null"), "\(json)")
    let text = try cli.sh(report).stdout
    #expect(text.contains("compute granted with no equity has no multiple"), "\(text)")
    #expect(!text.contains("0.00x"), "\(text)")
  }
}
