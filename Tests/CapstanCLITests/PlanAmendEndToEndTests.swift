import Foundation
import Testing

/// Issue 15: `capstan plan amend --adoption-date`, end to end: views, refusals, Capstan XML
/// round trip and the OCF export.
@Suite("capstan plan amend --adoption-date: end to end")
struct PlanAmendEndToEndTests {
  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The plans of `plan list --as-of D --format json`.
  func plans(_ cli: CLIHarness, asOf date: String) throws -> [[String: Any]] {
    let object = try json(cli.sh("plan list --as-of \(date) --format json").stdout)
    return try #require(object["plans"] as? [[String: Any]])
  }

  /// Plan Co: Ada 8,000,000 of 10,000,000 Common on 2025-01-01; "2025 Plan" reserving
  /// 1,000,000, recorded as adopted on 2025-06-01; amended on 2025-03-01 to 2025-02-01
  /// (transaction 2).
  func planCo(_ cli: CLIHarness) throws {
    for line in [
      "init", "company add \"Plan Co\" --incorporated 2025-01-01",
      "class add Common --authorized 10M", "stakeholder add Ada",
      "issue Ada 8M Common --price 0.0001 --date 2025-01-01",
      "plan add \"2025 Plan\" --class Common --reserve 1M --date 2025-06-01",
    ] {
      try cli.sh(line)
    }
    let amended = try cli.sh(
      "plan amend \"2025 Plan\" --date 2025-03-01 --adoption-date 2025-02-01")
    #expect(amended.stdout.contains("Recorded transaction 2 on 2025-03-01: plan-amendment"))
    #expect(amended.stdout.contains("2025 Plan amended: adopted 2025-02-01"))
  }

  /// Before 2025-03-01 the plan is not adopted yet (2025-06-01 was in force); from then on it
  /// is adopted on 2025-02-01 with 1,000,000 available; a grant of 100,000 on 2025-03-15 leaves
  /// 900,000; a grant dated 2025-02-15 is refused (the view as of that date has no plan).
  @Test func viewsUseTheAdoptionDateInForce() throws {
    let cli = try CLIHarness()
    try planCo(cli)
    #expect(try plans(cli, asOf: "2025-02-28").isEmpty)
    let after = try #require(try plans(cli, asOf: "2025-03-01").first)
    #expect(after["adopted"] as? String == "2025-02-01")
    #expect(after["available"] as? Int == 1_000_000)
    try cli.sh("grant Ada 100k --plan \"2025 Plan\" --strike 0.10 --date 2025-03-15")
    #expect(try plans(cli, asOf: "2025-03-15").first?["available"] as? Int == 900_000)
    let before = try cli.sh("ledger --format json").stdout
    let refused = try cli.run([
      "grant", "Ada", "1000", "--plan", "2025 Plan", "--strike", "0.10", "--date", "2025-02-15",
    ])
    #expect(refused.status == 1)
    #expect(try cli.sh("ledger --format json").stdout == before)
  }

  /// An adoption after the amendment's date, or an amendment without a term, is refused and
  /// writes nothing.
  @Test func badAmendmentsAreRefused() throws {
    let cli = try CLIHarness()
    try planCo(cli)
    let before = try cli.sh("ledger --format json").stdout
    let late = try cli.run([
      "plan", "amend", "2025 Plan", "--date", "2025-04-01", "--adoption-date", "2025-05-01",
    ])
    #expect(late.status == 1)
    #expect(late.stderr.contains("on or before the amendment's --date (2025-04-01)"))
    let empty = try cli.run(["plan", "amend", "2025 Plan", "--date", "2025-04-01"])
    #expect(empty.status == 2)
    #expect(try cli.sh("ledger --format json").stdout == before)
  }

  /// Capstan XML writes the amendment (`adopted`, no `cancellation`) and an import gives back
  /// the same views and the same file; OCF exports the plan with its amended adoption date and
  /// lists the amendment as not exported.
  @Test func amendmentRoundTripsAndExports() throws {
    let source = try CLIHarness()
    try planCo(source)
    let xml = source.folder.appendingPathComponent("plan.xml").path
    try source.sh("export xml -o \(xml)")
    let written = try String(contentsOfFile: xml, encoding: .utf8)
    #expect(written.contains("<plan-amendment seq=\"2\" date=\"2025-03-01\""))
    #expect(written.contains("adopted=\"2025-02-01\""))
    #expect(!written.contains("cancellation=\"return-to-pool\" adopted"))
    let target = try CLIHarness()
    try target.sh("init")
    try target.sh("import \(xml)")
    #expect(try plans(target, asOf: "2025-02-28").isEmpty)
    #expect(try plans(target, asOf: "2025-03-01").first?["adopted"] as? String == "2025-02-01")
    let again = target.folder.appendingPathComponent("again.xml").path
    try target.sh("export xml -o \(again)")
    #expect(try String(contentsOfFile: again, encoding: .utf8) == written)

    let ocf = source.folder.appendingPathComponent("ocf").path
    let exported = try source.sh("export ocf -o \(ocf)").stdout
    #expect(exported.contains("not exported: plan amendment of the adoption date"))
    let stockPlans = try String(contentsOfFile: ocf + "/StockPlans.ocf.json", encoding: .utf8)
    #expect(stockPlans.contains("2025-02-01"))
    #expect(!stockPlans.contains("2025-06-01"))
  }
}
