import Foundation
import Testing

/// `capstan exit` pays two stakeholders whose names are equal ignoring case and spaces
/// separately, each row with its own invested capital: Founders 800,000 common at $0.0001
/// (invested $80), "ada  ventures" 200,000 common at $0.10 (invested $20,000), "Ada Ventures"
/// 1,000,000 Series A at $1.00, 1x non-participating (invested $1,000,000).
@Suite("capstan exit keys holders by stakeholder id")
struct ExitHolderIdentityEndToEndTests {
  /// $1,500,000, options excluded: converting would give c = 1.5M ÷ 2M = $0.75 < $1.00, so
  /// Series A takes its $1,000,000 preference and the 1,000,000 common shares share $500,000 at
  /// $0.50: Founders $400,000.00 (5,000.00x of $80), "ada  ventures" $100,000.00 (5.00x of
  /// $20,000), "Ada Ventures" $1,000,000.00 (1.00x).
  @Test func alikeNamesArePaidSeparately() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Co --incorporated 2024-01-01", "class add Common --authorized 10M",
      "class add \"Series A\" --authorized 1M --preferred --issue-price 1.00",
      "stakeholder add Founders", "stakeholder add \"Ada Ventures\"",
      "stakeholder add \"ada  ventures\"",
      "issue Founders 800K Common --price 0.0001 --date 2024-01-01",
      "issue \"ada  ventures\" 200K Common --price 0.10 --date 2024-02-01",
      "issue \"Ada Ventures\" 1M \"Series A\" --price 1.00 --date 2024-03-01",
    ] {
      try cli.sh(line)
    }
    let command = "exit --value 1.5M --options exclude --date 2025-01-01"
    let json = try cli.sh(command + " --format json").stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let rows = try #require(object["holders"] as? [[String: Any]])
    let paid = rows.compactMap { row in
      (row["holder"] as? String).map { ($0, row["payout"] as? String ?? "") }
    }
    #expect(paid.count == 3)
    #expect(
      Dictionary(paid, uniquingKeysWith: { a, _ in a }) == [
        "Founders": "400000.00", "ada  ventures": "100000.00", "Ada Ventures": "1000000.00",
      ])
    let text = try cli.sh(command).stdout.split(separator: "\n")
    let fund = try #require(text.first { $0.hasPrefix("Ada Ventures ") })
    #expect(fund.contains("$1,000,000.00"))
    #expect(fund.contains("1.00x"))
    let angel = try #require(text.first { $0.hasPrefix("ada  ventures ") })
    #expect(angel.contains("$100,000.00"))
    #expect(angel.contains("$20,000.00"))
    #expect(angel.contains("5.00x"))
  }
}
