import Foundation
import Testing

/// Read-only commands leave the file alone, a busy workspace exits 3 after `--wait`, and the
/// misleading refusals of issue 16 say what is wrong.
@Suite("Workspace access and refusal messages")
struct WorkspaceAccessEndToEndTests {
  static func sqlite(_ db: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [db, sql]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static var hasSQLite: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") }

  /// A workspace switched to a rollback journal stays one, byte for byte, through commands
  /// that only read; the first write switches it to WAL.
  @Test(.enabled(if: hasSQLite)) func readOnlyCommandsNeverChangeTheFile() throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.buildAcme()
    #expect(try Self.sqlite(cli.db, "PRAGMA journal_mode = DELETE") == "delete")
    let before = try OCFEndToEndTests.snapshot(cli)
    for command in ["table", "ledger", "vesting", "exit --value 10M", "company list"] {
      try cli.sh(command)
    }
    #expect(try OCFEndToEndTests.snapshot(cli) == before)
    #expect(try Self.sqlite(cli.db, "PRAGMA journal_mode") == "delete")
    try cli.sh("stakeholder add Edsger")
    #expect(try Self.sqlite(cli.db, "PRAGMA journal_mode") == "wal")
  }

  /// Another process holding the write lock: a write waits `--wait` seconds, then exits 3
  /// with a message saying so; nothing written. A read still works meanwhile.
  @Test(.enabled(if: hasSQLite)) func aBusyWorkspaceExitsThreeAfterWaiting() throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.buildAcme()
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    holder.arguments = [cli.db]
    let input = Pipe()
    let output = Pipe()
    holder.standardInput = input
    holder.standardOutput = output
    try holder.run()
    defer {
      try? input.fileHandleForWriting.close()
      holder.waitUntilExit()
    }
    input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
    // Wait until the lock is taken (the holder prints once BEGIN has run).
    _ = output.fileHandleForReading.availableData
    let start = Date()
    let result = try cli.run(["stakeholder", "add", "Edsger", "--wait", "0.5"])
    #expect(result.status == 3, "\(result.stderr)")
    #expect(result.stderr.contains("busy"), "\(result.stderr)")
    #expect(Date().timeIntervalSince(start) >= 0.5)
    #expect(try cli.run(["table"]).status == 0)
  }

  /// A name holding ESC and a C1 control (written by an older Capstan, or by hand) prints
  /// escaped as text and JSON, never raw; the JSON stays valid.
  @Test(.enabled(if: hasSQLite)) func namesAlreadyStoredPrintEscaped() throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.sh("init")
    _ = try Self.sqlite(
      cli.db,
      "INSERT INTO stakeholders (id, name, kind) "
        + "VALUES ('evil', 'Evil' || char(27) || '[2J' || char(155), 'individual')")
    let text = try cli.sh("stakeholder list").stdout
    #expect(text.contains("Evil\\u{1B}[2J\\u{9B}"), "\(text)")
    let json = try cli.sh("stakeholder list --format json").stdout
    #expect(json.contains("Evil\\u001b[2J\\u009b"), "\(json)")
    for output in [text, json] {
      #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
    }
    #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
  }

  @Test func negativeNumbersAfterAnOptionAreNamedAsNegative() throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.buildAcme()
    let price = try cli.run([
      "issue", "Ada", "1", "Common", "--price", "-0.01", "--date", "2025-02-01",
    ])
    #expect(price.status == 1)
    #expect(price.stderr.contains("negative amounts are not allowed"), "\(price.stderr)")
    #expect(!price.stderr.contains("Missing value"))
    let exit = try cli.run(["exit", "--value", "-1"])
    #expect(exit.status == 1)
    #expect(exit.stderr.contains("negative"), "\(exit.stderr)")
  }

  /// A foreign-namespace attribute named like a real one is refused, never read in its place.
  @Test func aLookAlikeAttributeInAnotherNamespaceIsRefused() throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.sh("init")
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <capstan xmlns="urn:capstan:ledger:1" xmlns:x="urn:evil" version="1">
        <company id="small" name="Small Co" currency="USD" incorporated="2024-01-01"/>
        <stakeholders><stakeholder id="a" name="Ada"/></stakeholders>
        <classes><class id="common" name="Common" authorized="1000"/></classes>
        <transactions>
          <issue date="2024-02-01" security="CS-1" holder="a" class="common" x:quantity="900"
                 quantity="600" price="0.01"/>
        </transactions>
      </capstan>

      """
    let file = cli.folder.appendingPathComponent("lookalike.xml")
    try Data(xml.utf8).write(to: file)
    let before = try OCFEndToEndTests.snapshot(cli)["test.db"]
    let result = try cli.run(["import", file.path])
    #expect(result.status == 1)
    // The start tag ends on line 8, the line libxml2 reports for the element.
    #expect(result.stderr.contains("lookalike.xml:8"), "\(result.stderr)")
    #expect(result.stderr.contains("'quantity' in the namespace 'urn:evil'"), "\(result.stderr)")
    // The main file is unchanged and nothing was committed. The streamed import's writer
    // thread may have spilled uncommitted pages into a -wal file before the reader hit the
    // error (under load), which the process leaves behind on exit; SQLite ignores them.
    #expect(try OCFEndToEndTests.snapshot(cli)["test.db"] == before)
    #expect(try cli.sh("company list").stdout.contains("Small Co") == false)
  }

  /// Serial 60 in the 1900 date system is 1900-02-29, which never was.
  @Test func excelSerialSixtyIsNamedAsTheLeapYearBug() throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.sh("init")
    try cli.sh("company add Beta --incorporated 1900-01-01")
    let file = cli.folder.appendingPathComponent("serial.xlsx")
    try WorkbookBuilder.write(
      sheet: [
        #"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>"#,
        #"<c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2" t="inlineStr"><is><t>Common</t></is></c><c r="C2"><v>1000</v></c><c r="D2"><v>60</v></c>"#,
      ], strings: ["Stakeholder", "Security Class", "Quantity", "Issue Date"], to: file)
    let result = try cli.run(["import", file.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("29 February 1900"), "\(result.stderr)")
    #expect(result.stderr.contains("D2"), "\(result.stderr)")
  }

  /// `--db` names a location: a bare path and `sqlite:PATH` are the same file; a scheme with
  /// no store in this version is refused before anything is created.
  @Test func workspaceLocations() throws {
    let cli = try CLIHarness()
    let path = cli.folder.appendingPathComponent("located.db").path
    let created = try cli.run(["init", "--db", "sqlite:\(path)"], withDB: false)
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.hasPrefix("Created workspace \(path)\n"))
    try cli.run(
      CLIHarness.words("company add Acme --currency USD --incorporated 2025-01-15")
        + ["--db", "sqlite:\(path)"], withDB: false)
    let listed = try cli.run(["company", "list", "--db", path], withDB: false)
    #expect(listed.stdout.contains("Acme"), "\(listed.stdout)")
    // A PostgreSQL URL is opened by the PostgreSQL store: a server that cannot be reached is
    // a storage error naming the URL (with the default port); nothing is created.
    let unreachable = try cli.run(
      ["company", "list", "--db", "postgres://capstan@db.invalid/acme"], withDB: false)
    #expect(unreachable.status == 1)
    #expect(
      unreachable.stderr.hasPrefix(
        "error: workspace storage error: cannot connect to postgres://capstan@db.invalid:5432/acme: "
      ), "\(unreachable.stderr)")
    let refused = try cli.run(
      ["company", "list", "--db", "mysql://capstan@db/acme"], withDB: false)
    #expect(refused.status == 1)
    #expect(
      refused.stderr
        == "error: cannot open the workspace mysql://capstan@db/acme: the mysql store is "
        + "not part of this version of Capstan\n")
  }

  /// Library errors state facts; the CLI adds the command that helps, in parentheses.
  @Test func libraryErrorsGetTheCLIsHints() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("company add Acme --currency USD --incorporated 2025-01-15")
    try cli.sh("stakeholder add Ada")
    let unknownClass = try cli.run(
      CLIHarness.words("issue Ada 10 Nope --price 1 --date 2025-02-01"))
    #expect(unknownClass.status == 1)
    #expect(unknownClass.stderr == "error: no share class named 'Nope' (see: capstan class list)\n")
    let missing = cli.folder.appendingPathComponent("none.db").path
    let absent = try cli.run(["table", "--db", missing], withDB: false)
    #expect(absent.status == 1)
    #expect(
      absent.stderr
        == "error: no workspace at \(missing) (create one with: capstan init, or set --db / "
        + "CAPSTAN_DB)\n")
  }
}
