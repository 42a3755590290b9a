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
