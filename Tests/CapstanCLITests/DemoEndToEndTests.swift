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

  /// The portfolio's HTML goes beside the demo workspace (or to --out), never into the
  /// current folder.
  @Test func demoWritesItsHTMLBesideTheWorkspaceOrToOut() throws {
    let cli = try CLIHarness()
    let files = FileManager.default
    let folder = cli.folder.appendingPathComponent("elsewhere")
    try files.createDirectory(at: folder, withIntermediateDirectories: true)
    let beside = try cli.run(
      ["demo", "--db", folder.appendingPathComponent("acme.db").path], withDB: false)
    #expect(beside.status == 0, "\(beside.stderr)")
    let html = folder.appendingPathComponent("acme-portfolio.html").path
    #expect(files.fileExists(atPath: html))
    #expect(beside.stdout.hasSuffix("Portfolio report (open in a browser): \(html)\n"))
    let out = cli.folder.appendingPathComponent("book.html").path
    let given = try cli.run(
      ["demo", "--db", folder.appendingPathComponent("second.db").path, "--out", out],
      withDB: false)
    #expect(given.status == 0, "\(given.stderr)")
    #expect(files.fileExists(atPath: out))
    // The current folder (the harness's) got no demo-portfolio.html.
    let here = cli.folder.appendingPathComponent("demo-portfolio.html").path
    #expect(!files.fileExists(atPath: here))
  }

  @Test func demoRefusesAnExistingWorkspace() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    let result = try cli.run(["demo", "--db", cli.db], withDB: false)
    #expect(result.status == 1)
    #expect(result.stderr.contains("already exists") || result.stdout.contains("already exists"))
  }
}
