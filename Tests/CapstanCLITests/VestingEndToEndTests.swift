import Foundation
import Testing

@Suite("capstan vesting, end to end")
struct VestingEndToEndTests {
  /// The compute-token issue's option example: 480,000 from 2025-03-31, 48 months, 12-month
  /// cliff, monthly: floor(480,000 × m ÷ 48) once m ≥ 12, m in whole calendar months (the
  /// 31st vests on the last day of shorter months): 0 on 2026-03-30 (11 months), 120,000 on
  /// 2026-03-31 (12), 130,000 on 2026-04-30 (13), 230,000 on 2027-02-28 (23), all on 2029-03-31.
  @Test(arguments: [
    ("2026-03-30", 0, "2026-03-31"), ("2026-03-31", 120_000, "2026-04-30"),
    ("2026-04-30", 130_000, "2026-05-31"), ("2027-02-28", 230_000, "2027-03-31"),
    ("2029-03-31", 480_000, ""),
  ])
  func optionGrantVesting(date: String, vested: Int, next: String) throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Co --incorporated 2025-01-01", "class add Common --authorized 10M",
      "stakeholder add Eve", "plan add Plan --class Common --reserve 1M",
      "grant Eve 480,000 --plan Plan --strike 0.1 --date 2025-03-31 --vesting 48/12/1",
    ] {
      try cli.sh(line)
    }
    let csv = try cli.sh("vesting --as-of \(date) --format csv").stdout
    let row = csv.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
    #expect(Int(row[4]) == vested)
    #expect(String(row[9]) == next)
  }
}
