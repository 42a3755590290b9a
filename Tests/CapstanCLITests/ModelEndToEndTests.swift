import Foundation
import Testing

@Suite("capstan model, end to end")
struct ModelEndToEndTests {
  static var fixture: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "Fixtures/scenarios/series-a-worked-example.yaml"
      ).path
  }

  /// The round-modelling issue's worked example, through the scenario file: numbers from the
  /// issue text (derived there by hand), not from this code.
  @Test func workedExampleThroughTheScenarioFile() throws {
    let cli = try CLIHarness()
    let result = try cli.run(["model", Self.fixture, "--format", "json"], withDB: false)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let round = try #require((object["steps"] as? [[String: Any]])?.first)
    #expect(round["price_per_share"] as? String == "2.0125")
    #expect(round["pool_increase"] as? Int == 1_388_810)
    #expect(round["post_money_fully_diluted"] as? Int == 14_906_760)
    let conversions = try #require(round["conversions"] as? [[String: Any]])
    #expect(conversions.map { $0["shares"] as? Int } == [658_536, 878_048])
    #expect(conversions.map { $0["bound_by"] as? String } == ["cap", "cap"])
    #expect(
      conversions.map { $0["conversion_price_display"] as? String } == ["0.759259", "1.138889"])
    let investors = try #require(round["investors"] as? [[String: Any]])
    #expect(investors.first?["shares"] as? Int == 2_981_366)
    let rows = try #require(round["pro_forma"] as? [[String: Any]])
    let percent = Dictionary(
      uniqueKeysWithValues: rows.map {
        ($0["name"] as? String ?? "", $0["percent_after"] as? String)
      })
    #expect(percent["Lead"] == "20.0001")
    #expect(percent["Founders"] == "53.6669")
  }

  @Test func aBadScenarioIsRefusedWithItsLine() throws {
    let cli = try CLIHarness()
    let path = cli.folder.appendingPathComponent("bad.yaml").path
    try "company:\n  name: X\n  colour: blue\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let result = try cli.run(["model", path], withDB: false)
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.yaml:3"))
    #expect(result.stderr.contains("unknown key 'colour'"))
  }
}

@Suite("capstan apply, end to end")
struct ApplyEndToEndTests {
  /// Applying the worked example records the same round the model computes: fully diluted
  /// 14,906,760 after it, the lead 2,981,366 Series A, the SAFEs converted.
  @Test func applyWritesTheScenario() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("apply \(ModelEndToEndTests.fixture)")
    let json = try cli.sh("table --as-of 2026-03-01 --format json").stdout
    #expect(json.contains("\"total\": 14906760"))
    let csv = try cli.sh("table --as-of 2026-03-01 --format csv").stdout
    #expect(csv.contains("Lead,holder,2981366,"))
    #expect(try cli.sh("ledger").stdout.contains("SAFE-A converted into 658,536 Series A"))
    // Applying it again is refused (the company exists) and writes nothing.
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
    let again = try cli.run(["apply", ModelEndToEndTests.fixture])
    #expect(again.status == 1)
    #expect(again.stderr.contains("Example Co"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
  }

  @Test func applyNeedsAnIncorporationDate() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    let path = cli.folder.appendingPathComponent("s.yaml").path
    try "company:\n  name: X\nholdings:\n  - holder: F\n    shares: 100\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let result = try cli.run(["apply", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("company.incorporated"))
    #expect(try cli.sh("company list --format csv").stdout == "name,id,currency,incorporated\n")
  }
}

@Suite("exit events in scenario files")
struct ScenarioExitEndToEndTests {
  /// After the worked example's Series A, an exit at $60M: the Series A and the SAFEs' own
  /// sub-series A-1 and A-2 (each priced at its conversion price) convert (as common they get
  /// 4,517,950 ÷ 13,117,950 × $60M ≈ $20.7M, more than their $7.5M of preferences), so
  /// 8,000,000 + 600,000 options + 4,517,950 Series A = 13,117,950 shares share $60M; the founders get
  /// 60,000,000 × 8,000,000 ÷ 13,117,950 = $36,591,083.21 and the lead
  /// 60,000,000 × 2,981,366 ÷ 13,117,950 = $13,636,426.42.
  @Test func exitAfterTheRound() throws {
    let cli = try CLIHarness()
    let result = try cli.run(
      ["model", ModelEndToEndTests.fixture, "--format", "json"], withDB: false)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "\"converted\": [\n          \"Series A\",\n          \"Series A-1\",\n"
          + "          \"Series A-2\"\n        ]"))
    #expect(result.stdout.contains("\"payout\": \"36591083.21\""))
    #expect(result.stdout.contains("\"payout\": \"13636426.42\""))
  }
}
