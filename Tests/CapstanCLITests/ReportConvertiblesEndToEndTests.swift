import Foundation
import Testing

/// Issue 15: the company and portfolio reports count outstanding SAFEs and notes at their
/// estimated conversion where they compute percentages, flagged as an estimate.
@Suite("Reports count SAFEs and notes as converted, estimated: end to end")
struct ReportConvertiblesEndToEndTests {
  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Example Co of BookkeepingEndToEndTests: Founders 8,000,000, Staff 600,000 options of a
  /// 1,000,000 pool, SAFE A $500,000 at an $8M post-money cap, SAFE B $1,000,000 at $12M.
  /// B = 9,000,000; f = 1/16 + 1/12 = 7/48; capitalization 9,000,000 ÷ 41/48 =
  /// 10,536,585.36...; SAFE A 1/16 of it → 658,536, SAFE B 1/12 → 878,048; together
  /// 1,536,584 (3/7 and 4/7 of it exactly: 219,512 × 3 and × 4); total 10,536,584.
  func exampleCo(_ cli: CLIHarness) throws {
    for line in [
      "init", "company add \"Example Co\" --incorporated 2024-01-01",
      "class add Common --authorized 20M", "stakeholder add Founders", "stakeholder add Staff",
      "stakeholder add \"SAFE A\"", "stakeholder add \"SAFE B\"",
      "issue Founders 8M Common --price 0.0001 --date 2024-01-01",
      "plan add Plan --class Common --reserve 1M",
      "grant Staff 600k --plan Plan --strike 0.1 --date 2024-02-01",
      "safe add \"SAFE A\" 500k --cap 8M --date 2025-01-01",
      "safe add \"SAFE B\" 1M --cap 12M --discount 20% --date 2025-02-01",
    ] {
      try cli.sh(line)
    }
  }

  /// Percentages over 10,536,584 (4 places, half-up): Founders 8,000,000 → 75.92593...
  /// → 75.9259; SAFE A 658,536 → 6.249995... → 6.2500; its share of the SAFEs 3/7 →
  /// 42.8571; the SAFEs' group in the ownership history 1,536,584 → 14.58332... → 14.5833.
  @Test func companyReportCountsTheEstimate() throws {
    let cli = try CLIHarness()
    try exampleCo(cli)
    let report = try json(cli.sh("report company --as-of 2025-12-31 --format json").stdout)
    let summary = try #require(report["summary"] as? [String: Any])
    #expect(summary["fully_diluted_shares"] as? Int == 9_000_000)
    #expect(summary["convertible_shares_estimated"] as? Int == 1_536_584)
    #expect(summary["fully_diluted_with_convertibles"] as? Int == 10_536_584)
    let holders = try #require(
      (report["holders"] as? [String: Any])?["holders"] as? [[String: Any]])
    let founders = try #require(holders.first { $0["holder"] as? String == "Founders" })
    #expect(founders["fully_diluted_pct"] as? String == "75.9259")
    #expect(founders["estimated"] as? Bool == false)
    let safe = try #require(holders.first { $0["holder"] as? String == "SAFE A (SAFE-1)" })
    #expect(safe["class"] as? String == "SAFEs and notes (estimated)")
    #expect(safe["shares"] as? Int == 658_536)
    #expect(safe["class_pct"] as? String == "42.8571")
    #expect(safe["fully_diluted_pct"] as? String == "6.2500")
    #expect(safe["estimated"] as? Bool == true)
    let history = try #require(
      (report["ownership_history"] as? [String: Any])?["ownership_history"] as? [[String: Any]])
    let group = try #require(
      history.first { $0["group"] as? String == "SAFEs and notes (estimated)" })
    #expect(group["shares"] as? Int == 1_536_584)
    #expect(group["fully_diluted_pct"] as? String == "14.5833")
    // Text and HTML say it is an estimate.
    let text = try cli.sh("report company --as-of 2025-12-31").stdout
      .replacingOccurrences(of: "\n  ", with: " ")
    #expect(text.contains("SAFEs and notes outstanding count as the shares they would convert"))
    #expect(text.contains("Fully diluted with SAFEs and notes (estimate)"))
    let html = try cli.sh("report company --as-of 2025-12-31 --format html").stdout
    #expect(html.contains("SAFEs and notes (estimated)"))
    #expect(html.contains("an estimate"))
  }

  /// SAFE A's portfolio: its FD % is its estimated 658,536 of 10,536,584 = 6.2500 %, flagged.
  @Test func portfolioCountsTheInvestorsSAFE() throws {
    let cli = try CLIHarness()
    try exampleCo(cli)
    let report = try json(
      cli.sh("report portfolio --investor \"SAFE A\" --as-of 2025-12-31 --format json").stdout)
    let rows = try #require(
      (report["holdings"] as? [String: Any])?["companies"] as? [[String: Any]])
    #expect(rows.first?["fully_diluted_pct"] as? String == "6.2500")
    #expect(rows.first?["fd_estimated"] as? Bool == true)
  }
}
