import Foundation
import Testing

@Suite("capstan demo, end to end")
struct DemoEndToEndTests {
  /// The demo script: Ada and Grace 4,000,000 each, Linus 250,000 options (62,500 exercised),
  /// Margaret 100,000 options, pool 1,000,000 − 350,000 = 650,000; 9,000,000 in all.
  @Test func demoBuildsTheSampleCompany() throws {
    let cli = try CLIHarness()
    let result = try cli.run(["demo", "--db", cli.db], withDB: false)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Acme AI: fully diluted"))
    #expect(result.stdout.contains("2025 Plan (available)          -        -  650,000    650,000"))
    #expect(result.stdout.contains("9,000,000        100.00%"))
    let table = try cli.sh("table --as-of 2026-12-31 --format csv")
    #expect(table.stdout.contains("Linus,holder,62500,187500,0,250000,1/36,2.78"))
  }

  @Test func demoRefusesAnExistingWorkspace() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    let result = try cli.run(["demo", "--db", cli.db], withDB: false)
    #expect(result.status == 1)
    #expect(result.stderr.contains("already exists") || result.stdout.contains("already exists"))
  }
}
