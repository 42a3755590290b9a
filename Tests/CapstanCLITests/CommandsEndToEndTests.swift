import Foundation
import Testing

@Suite("capstan commands, end to end")
struct CommandsEndToEndTests {
  @Test func usageErrorsExitTwo() throws {
    let cli = try CLIHarness()
    #expect(try cli.run(["table", "--bogus"]).status == 2)
    #expect(try cli.run(["issue", "Ada"]).status == 2)
    #expect(try cli.run(["nonsense"]).status == 2)
    // A malformed date is a usage error naming the option and the value.
    let date = try cli.run([
      "issue", "Ada", "100", "Common", "--price", "1", "--date", "2025-02-30",
    ])
    #expect(date.status == 2)
    #expect(date.stderr.contains("'2025-02-30' is invalid for '--date"), "\(date.stderr)")
  }

  @Test func helpExitsZeroWithAnExample() throws {
    let cli = try CLIHarness()
    for command in [
      [], ["init"], ["company", "add"], ["company", "list"], ["company", "show"],
      ["stakeholder", "add"],
      ["stakeholder", "list"], ["class", "add"], ["class", "list"], ["plan", "add"],
      ["plan", "increase"],
      ["plan", "list"], ["issue"], ["grant"], ["exercise"], ["transfer"], ["cancel"],
      ["repurchase"],
      ["split"], ["authorize"], ["table"], ["ledger"], ["round", "model"], ["round", "save"],
      ["round", "list"], ["round", "show"],
      ["round", "close"], ["model"], ["apply"], ["vesting"], ["exit"],
      ["safe", "add"], ["note", "add"],
      ["warrant", "add"], ["demo"],
    ] {
      let result = try cli.run(command + ["--help"], withDB: false)
      #expect(result.status == 0, "\(command) --help")
      #expect(result.stdout.contains("xample"), "\(command) --help shows an example")
    }
  }

  @Test func missingWorkspaceIsAClearError() throws {
    let cli = try CLIHarness()
    let result = try cli.run(["table"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no workspace at"))
    #expect(!FileManager.default.fileExists(atPath: cli.db))
  }

  @Test func globalOptionsBeforeTheSubcommand() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let result = try cli.run(
      ["--db", cli.db, "--format", "csv", "table", "--as-of", "2025-02-01"], withDB: false)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("name,kind,stock"))
  }

  @Test func environmentVariableChoosesTheWorkspace() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let result = try cli.run(
      ["company", "list", "--format", "csv"], withDB: false, environment: ["CAPSTAN_DB": cli.db])
    #expect(result.stdout == "name,id,currency,incorporated\nAcme AI,acme-ai,USD,2025-01-15\n")
  }

  @Test(arguments: [
    ("issue Ada 12abc Common --price 0.0001 --date 2025-04-01", "12abc"),
    ("issue Nobody 100 Common --price 0.0001 --date 2025-04-01", "Nobody"),
    ("issue Ada 100 Preferred --price 0.0001 --date 2025-04-01", "Preferred"),
    ("issue Ada 100 Common --price 0.0001 --date 2024-12-31", "2024-12-31"),
    ("issue Ada 0 Common --price 0.0001 --date 2025-04-01", "positive"),
    ("grant Linus 100 --plan Nope --strike 0.1 --date 2025-04-01", "Nope"),
    ("grant Linus 800,000 --plan \"2025 Plan\" --strike 0.1 --date 2025-04-01", "750,000"),
    ("exercise OP-1 1,000 --date 2025-06-01", "OP-1"),
    ("exercise OP-9 1,000 --date 2026-06-01", "OP-9"),
    ("exercise CS-1 1,000 --date 2026-06-01", "option grant"),
    ("transfer CS-1 Grace 5,000,000 --date 2025-06-01", "4,000,000"),
    ("transfer OP-1 Grace 5 --date 2025-06-01", "options cannot be transferred"),
    ("cancel OP-1 300,000 --date 2025-06-01", "250,000"),
    ("stakeholder add ada", "ada"),
    ("class add common --authorized 5", "common"),
    ("authorize Common 8,500,000 --date 2025-06-01", "8,500,000"),
    ("split Common 0:1 --date 2025-06-01", "0:1"),
  ])
  func refusedInputExitsOneAndWritesNothing(line: String, mention: String) throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let before = try cli.sh("ledger --format json").stdout
    let result = try cli.run(CLIHarness.words(line))
    #expect(result.status == 1, "\(line)")
    #expect(result.stderr.hasPrefix("error: "), "\(line)")
    #expect(result.stderr.contains(mention), "\(line): \(result.stderr)")
    #expect(try cli.sh("ledger --format json").stdout == before)
  }

  /// Exercise after the cliff: 250,000 × 12/48 = 62,500 vested on 2026-03-01.
  /// Fully diluted stays 9,000,000: the exercised options become stock.
  @Test func lifecycleOfSecurities() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    try cli.sh("exercise OP-1 62,500 --date 2026-03-01")
    let tooMany = try cli.run(CLIHarness.words("exercise OP-1 1 --date 2026-03-01"))
    #expect(tooMany.status == 1)
    #expect(tooMany.stderr.contains("0 options vested and unexercised"))
    try cli.sh("transfer CS-1 Grace 1,000,000 --date 2026-04-01")  // CS-4 to Grace, CS-5 balance
    // CS-6 is the balance of 2,500,000.
    try cli.sh("repurchase CS-5 500,000 --price 0.0001 --date 2026-05-01")
    try cli.sh("cancel OP-1 --date 2026-06-01 --reason termination")  // 187,500 back to the pool
    let csv = try cli.sh("table --as-of 2026-12-31 --format csv").stdout
    // Stock: Ada 2,500,000; Grace 4,000,000 + 1,000,000; Linus 62,500. Pool 750,000 + 187,500.
    // Total 2,500,000 + 5,000,000 + 62,500 + 937,500 = 8,500,000.
    #expect(
      csv == """
        name,kind,stock,options,available,total,fraction,percent
        Grace,holder,5000000,0,0,5000000,10/17,58.82
        Ada,holder,2500000,0,0,2500000,5/17,29.41
        Linus,holder,62500,0,0,62500,1/136,0.74
        2025 Plan,pool,0,0,937500,937500,15/136,11.03

        """)
    try cli.sh("split Common 2:1 --date 2027-01-01")
    let split = try cli.sh("table --as-of 2027-01-01 --format csv").stdout
    #expect(split.contains("Grace,holder,10000000,0,0,10000000,10/17,58.82"))
    #expect(split.contains("2025 Plan,pool,0,0,1875000,1875000,15/136,11.03"))
    try assertSnapshot(try cli.sh("ledger").stdout, named: "ledger-lifecycle.txt")
  }

  @Test func authorizeAndPoolIncrease() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    try cli.sh("authorize Common +2M --date 2025-05-01")
    try cli.sh("plan increase \"2025 Plan\" 1,500,000 --date 2025-05-02")
    try cli.sh("issue Ada 500,000 Common --price 0.0001 --date 2025-05-03")
    // 12,000,000 authorized = 8,500,000 issued + 250,000 options + 2,250,000 available + 1,000,000 room.
    let room = try cli.run(
      CLIHarness.words("issue Ada 1,000,001 Common --price 0.0001 --date 2025-05-04"))
    #expect(room.status == 1)
    #expect(room.stderr.contains("so 1,000,000 remain"))
    try cli.sh("issue Ada 1,000,000 Common --price 0.0001 --date 2025-05-04")
  }
}
