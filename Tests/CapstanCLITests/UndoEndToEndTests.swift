import Foundation
import Testing

/// Issue 15: `capstan undo` voids what the last command recorded.
@Suite("capstan undo: end to end")
struct UndoEndToEndTests {
  /// Runs `capstan ARGS --db DB` with standard input from /dev/null (never a terminal, even
  /// when the tests run in one).
  func runWithoutTerminal(_ cli: CLIHarness, _ arguments: [String]) throws -> CLIHarness.Result {
    let process = Process()
    process.executableURL = CLIHarness.executable
    process.arguments = arguments + ["--db", cli.db]
    process.currentDirectoryURL = cli.folder
    process.standardInput = FileHandle.nullDevice
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIHarness.Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Acme (CLIHarness.buildAcme) is 9,000,000 fully diluted (Ada 4,000,000, Grace 4,000,000,
  /// Linus 250,000 options, pool 750,000); issuing Grace 1,000 more makes 9,001,000 and is
  /// transaction 4; `undo --yes` voids it (transaction 5) and the table is the one before.
  @Test func undoAfterAnIssueRestoresTheTable() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let before = try cli.sh("table --as-of 2025-12-31 --format csv").stdout
    try cli.sh("issue Grace 1,000 Common --price 0.0001 --date 2025-06-01")
    #expect(try cli.sh("table --as-of 2025-12-31 --format csv").stdout != before)
    let undone = try cli.sh("undo --yes --date 2025-06-02")
    #expect(undone.stdout.contains("transaction 4 (issue CS-3, 2025-06-01)"))
    #expect(undone.stdout.contains("Voided transaction 4 (transaction 5, 2025-06-02)"))
    #expect(try cli.sh("table --as-of 2025-12-31 --format csv").stdout == before)
    // The last command now recorded only a void: a second undo refuses and writes nothing.
    let again = try cli.run(["undo", "--yes"])
    #expect(again.status == 1)
    #expect(again.stderr.contains("only voids"))
  }

  /// Without --yes and without a terminal, undo lists what it would void, refuses saying to
  /// pass --yes, and writes nothing (the issuance stays: 9,001,000).
  @Test func undoWithoutYesOffATerminalRefuses() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    try cli.sh("issue Grace 1,000 Common --price 0.0001 --date 2025-06-01")
    let after = try cli.sh("table --as-of 2025-12-31 --format csv").stdout
    let refused = try runWithoutTerminal(cli, ["undo"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("pass --yes"))
    #expect(refused.stdout.contains("transaction 4 (issue CS-3, 2025-06-01)"))
    #expect(try cli.sh("table --as-of 2025-12-31 --format csv").stdout == after)
  }

  /// Only the last command is undone: after `buildAcme` that is Linus's grant (transaction 3),
  /// so the issuances 1 and 2 stay and the grant is hidden as voided (by the void, 4).
  @Test func undoVoidsOnlyTheLastCommand() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let undone = try cli.sh("undo --yes")
    #expect(undone.stdout.contains("transaction 3 (grant OP-1"))
    #expect(!undone.stdout.contains("transaction 2 "))
    let ledger = try cli.sh("ledger --format json").stdout
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(ledger.utf8)) as? [[String: Any]])
    let sequences = rows.compactMap { $0["sequence"] as? Int }
    #expect(sequences.contains(1) && sequences.contains(2))
    #expect(!sequences.contains(3))
  }
  /// A Capstan XML import is streamed into a new company and keeps its batch: Acme with 25
  /// more issuances of 100 shares to Grace (transactions 4...28) exported and imported, then
  /// `undo --yes` voids all 28 (20 listed, then "... and 8 more"). The company stays with its
  /// plan, whose pool of 1,000,000 is then the whole fully diluted table.
  @Test func undoAfterAStreamedImportVoidsIt() throws {
    let source = try CLIHarness()
    try source.buildAcme()
    for day in 1...25 {
      let date = String(format: "2025-06-%02d", day)
      try source.sh("issue Grace 100 Common --price 0.0001 --date \(date)")
    }
    let xml = source.folder.appendingPathComponent("acme.xml").path
    try source.sh("export xml -o \(xml)")
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("import \(xml)")
    let undone = try cli.sh("undo --yes --date 2025-12-01")
    #expect(undone.stdout.contains("transaction 1 (issue CS-1, 2025-01-15)"))
    #expect(undone.stdout.contains("... and 8 more (28 transactions)"))
    #expect(undone.stdout.contains("Voided 28 transactions in all."))
    let table = try cli.sh("table --as-of 2025-12-31 --format json").stdout
    #expect(table.contains("\"total\": 1000000"))
  }
}
