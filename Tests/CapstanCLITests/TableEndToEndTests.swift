import Foundation
import Testing

@Suite("capstan table, end to end")
struct TableEndToEndTests {
  /// Fully diluted: 4,000,000 + 4,000,000 + 250,000 options + 750,000 pool = 9,000,000.
  /// Ada 4,000,000/9,000,000 = 4/9 = 44.44%; Linus 250,000/9,000,000 = 1/36 = 2.78%;
  /// pool 750,000/9,000,000 = 1/12 = 8.33%.
  @Test func acceptanceFullyDilutedJSON() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let result = try cli.sh("table --basis fully-diluted --as-of 2025-12-31 --format json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["total"] as? Int == 9_000_000)
    let rows = try #require(object["rows"] as? [[String: Any]])
    let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as? String ?? "", $0) })
    #expect(byName["Ada"]?["fraction"] as? String == "4/9")
    #expect(byName["Grace"]?["fraction"] as? String == "4/9")
    #expect(byName["Linus"]?["fraction"] as? String == "1/36")
    #expect(byName["Linus"]?["options"] as? Int == 250_000)
    #expect(byName["2025 Plan"]?["fraction"] as? String == "1/12")
    #expect(byName["2025 Plan"]?["kind"] as? String == "pool")
    #expect(byName["2025 Plan"]?["available"] as? Int == 750_000)
    #expect(byName["Ada"]?["percent"] as? String == "44.44")
  }

  @Test func acceptanceFullyDilutedText() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let result = try cli.sh("table --basis fully-diluted --as-of 2025-12-31")
    try assertSnapshot(result.stdout, named: "table-fully-diluted.txt")
    #expect(result.stdout.contains("4,000,000"))
    #expect(result.stdout.contains("44.44%"))
    #expect(result.stdout.contains("2.78%"))
    #expect(result.stdout.contains("8.33%"))
    #expect(result.stdout.contains("9,000,000"))
  }

  /// Before the 2025-03-01 grant: 8,000,000 stock + 1,000,000 pool; Ada 4/9, pool 1/9.
  @Test func asOfBeforeTheGrant() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let result = try cli.sh("table --as-of 2025-02-01 --format csv")
    #expect(
      result.stdout == """
        name,kind,stock,options,available,total,fraction,percent
        Ada,holder,4000000,0,0,4000000,4/9,44.44
        Grace,holder,4000000,0,0,4000000,4/9,44.44
        2025 Plan,pool,0,0,1000000,1000000,1/9,11.11

        """)
  }

  /// Outstanding basis ignores options and the pool: Ada and Grace hold 1/2 each.
  @Test func outstandingBasisByClass() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let result = try cli.sh("table --basis outstanding --by class --as-of 2025-12-31 --format csv")
    #expect(result.stdout.contains("Common,class,8000000,0,0,8000000,1,100.00"))
    let holders = try cli.sh("table --basis outstanding --as-of 2025-12-31 --format csv")
    #expect(holders.stdout.contains("Ada,holder,4000000,0,0,4000000,1/2,50.00"))
  }

  /// 8,000,000 issued + 1,000,000 reserved + 2,500,000 requested > 10,000,000 authorized.
  @Test func overIssuingIsRefusedAndChangesNothing() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let before = try cli.sh("ledger --format json").stdout
    let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: cli.db))
    let result = try cli.run(
      CLIHarness.words("issue Ada 2,500,000 Common --price 0.0001 --date 2025-04-01"))
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("Common"))
    #expect(result.stderr.contains("10,000,000"))
    #expect(result.stderr.contains("8,000,000"))
    #expect(result.stderr.contains("1,000,000"))
    #expect(result.stderr.contains("2,500,000"))
    #expect(try cli.sh("ledger --format json").stdout == before)
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == bytesBefore)
  }
}
