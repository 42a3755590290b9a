import Foundation
import Testing

@Suite("capstan import and export xml, end to end")
struct ImportEndToEndTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Fixtures/import")

  /// The demo workspace exported and imported into a new workspace: the same ledger, the same
  /// table, and exporting the copy gives the same file.
  @Test func demoRoundTripsThroughXML() throws {
    let source = try CLIHarness()
    #expect(try source.run(["demo", "--db", source.db], withDB: false).status == 0)
    let xml = source.folder.appendingPathComponent("acme.xml").path
    let exported = try source.sh("export xml -o \(xml)")
    #expect(exported.stdout.contains("Exported Acme AI to"))

    let target = try CLIHarness()
    try target.sh("init")
    let imported = try target.sh("import \(xml)")
    #expect(
      imported.stdout.contains(
        "company Acme AI, 4 stakeholders, 1 classes, 1 plans, 5 transactions"))
    for command in ["ledger --format csv", "table --as-of 2027-01-01 --format csv"] {
      #expect(try target.sh(command).stdout == source.sh(command).stdout)
    }
    let again = target.folder.appendingPathComponent("again.xml").path
    try target.sh("export xml -o \(again)")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: again))
        == Data(contentsOf: URL(fileURLWithPath: xml)))
  }

  @Test func dryRunOfNativeXMLWritesNothing() throws {
    let source = try CLIHarness()
    #expect(try source.run(["demo", "--db", source.db], withDB: false).status == 0)
    let xml = source.folder.appendingPathComponent("acme.xml").path
    try source.sh("export xml -o \(xml)")
    let target = try CLIHarness()
    try target.sh("init")
    let result = try target.sh("import \(xml) --dry-run")
    #expect(result.stdout.contains("would create company Acme AI"))
    #expect(try target.run(["company", "list"]).stdout.contains("No companies"))
  }

  /// A file whose ledger breaks a rule only the replay sees (more shares than authorized, on the
  /// third issuance): the import names that issuance's line, exits 1 and leaves the workspace
  /// byte for byte as it was; the dry run finds the same error.
  @Test func aLedgerRuleBrokenLateInTheFileIsNamedAndNothingIsWritten() throws {
    // 600 + 300 fit under 1,000 authorized; 600 + 300 + 200 = 1,100 do not: the third
    // <issue>, on line 13, is refused (dated last, so every earlier row is valid).
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <capstan xmlns="urn:capstan:ledger:1" version="1">
        <company id="small" name="Small Co" currency="USD" incorporated="2024-01-01"/>
        <stakeholders>
          <stakeholder id="a" name="Ada"/>
        </stakeholders>
        <classes>
          <class id="common" name="Common" authorized="1000"/>
        </classes>
        <transactions>
          <issue date="2024-02-01" security="CS-1" holder="a" class="common" quantity="600" price="0.01"/>
          <issue date="2024-03-01" security="CS-2" holder="a" class="common" quantity="300" price="0.01"/>
          <issue date="2024-04-01" security="CS-3" holder="a" class="common" quantity="200" price="0.01"/>
        </transactions>
      </capstan>

      """
    let cli = try CLIHarness()
    try cli.sh("init")
    let file = cli.folder.appendingPathComponent("small.xml")
    try Data(xml.utf8).write(to: file)
    for dryRun in [true, false] {
      let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
      let result = try cli.run(["import", file.path] + (dryRun ? ["--dry-run"] : []))
      #expect(result.status == 1)
      #expect(result.stderr.contains("small.xml:13"), "\(result.stderr)")
      #expect(result.stderr.contains("1,000 shares authorized"), "\(result.stderr)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
    }
    #expect(try cli.run(["company", "list"]).stdout.contains("No companies"))
  }

  /// Importing a company the workspace already has is refused, nothing written.
  @Test func importingTheSameCompanyTwiceIsRefused() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let xml = cli.folder.appendingPathComponent("acme.xml").path
    try cli.sh("export xml -o \(xml)")
    let result = try cli.run(["import", xml])
    #expect(result.status == 1)
    #expect(result.stderr.contains("acme.xml:3"), "\(result.stderr)")
    #expect(result.stderr.contains("Acme AI"), "\(result.stderr)")
  }

  /// The LibreOffice workbook (Fixtures/import/captable.xlsx, made from captable.csv): a title
  /// row, a blank row, headers on row 3, a total row. Expected, from the CSV: Ada and Grace
  /// 4,000,000 Common each; Linus 250,000 options at 0.1 (a strike makes a row a grant) from a
  /// new Equity Plan; Seed Fund I 1,000,000 Series Seed Preferred at $0.50 with the class's
  /// terms from its row ($0.50 issue price, 1x); Common authorized 8,000,000 + 250,000 =
  /// 8,250,000; the total row 4,000,000 × 2 + 250,000 + 1,000,000 = 9,250,000 matches.
  @Test func workbookDryRunThenImport() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("company add \"Acme AI\" --incorporated 2025-01-15")
    let file = Self.fixtures.appendingPathComponent("captable.xlsx").path
    let dry = try cli.sh("import \(file) --dry-run")
    #expect(
      SpreadsheetImportEndToEndTests.flat(dry.stdout).contains("sheet captable (header row 3)"))
    #expect(dry.stdout.contains("unmapped columns: \"Notes\" (J3)"))
    #expect(dry.stdout.contains("would create class Common (common), 8,250,000 authorized"))
    #expect(
      SpreadsheetImportEndToEndTests.flat(dry.stdout).contains(
        "would create class Series Seed Preferred (preferred), 1,000,000 authorized: "
          + "issue price $0.50, 1x non-participating"), "\(dry.stdout)")
    #expect(dry.stdout.contains("would create plan Equity Plan of Common, 250,000 reserved"))
    #expect(dry.stdout.contains("total: row 8 'Total': 9,250,000 shares; matches all rows"))
    #expect(dry.stdout.contains("skipped row 8: a total row"))
    #expect(try cli.sh("ledger").stdout.contains("No transactions"))

    let real = try cli.sh("import \(file)")
    #expect(real.stdout.contains("created 4 transactions"))
    let table = try cli.sh("table --as-of 2025-12-31 --format csv").stdout
    #expect(table.contains("Ada Lovelace,holder,4000000,0,0,4000000"))
    #expect(table.contains("Linus Torvalds,holder,0,250000,0,250000"))
    #expect(table.contains("Seed Fund I,holder,1000000,0,0,1000000"))
    let vesting = try cli.sh("vesting --as-of 2026-01-15").stdout
    #expect(vesting.contains("Ada Lovelace"), "Ada's stock is restricted: \(vesting)")

    // The same file again no longer fits the authorized shares: refused at its first row.
    let again = try cli.run(["import", file])
    #expect(again.status == 1)
    #expect(again.stderr.contains("sheet captable, cell D4"), "\(again.stderr)")
  }

  /// The same sheet saved by LibreOffice as XML Spreadsheet 2003 (empty cells skipped with
  /// ss:Index) gives the same ledger.
  @Test func spreadsheet2003MatchesTheWorkbook() throws {
    let a = try CLIHarness()
    let b = try CLIHarness()
    for cli in [a, b] {
      try cli.sh("init")
      try cli.sh("company add \"Acme AI\" --incorporated 2025-01-15")
    }
    try a.sh("import \(Self.fixtures.appendingPathComponent("captable.xlsx").path)")
    try b.sh(
      "import \(Self.fixtures.appendingPathComponent("captable-2003.xml").path) --sheet captable")
    #expect(try a.sh("ledger --format csv").stdout == b.sh("ledger --format csv").stdout)
  }

  /// Inline strings, booleans, numbers in exponent form, and date serials in the 1904 system:
  /// serial 44,940 in 1904 is 1904-01-01 + 44,940 days = 2027-01-15 (1,462 days after the same
  /// serial in 1900, 2023-01-14); a price written 1E-4 is 0.0001.
  @Test func handBuiltWorkbookWith1904Dates() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("company add Beta --incorporated 2020-01-01")
    let file = cli.folder.appendingPathComponent("beta.xlsx")
    try WorkbookBuilder.write(
      sheet: [
        #"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="inlineStr"><is><t>Accredited</t></is></c>"#,
        #"<c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2" t="inlineStr"><is><t>Common</t></is></c><c r="C2"><v>1000</v></c><c r="D2"><v>44940</v></c><c r="E2"><v>1E-4</v></c><c r="F2" t="b"><v>1</v></c>"#,
      ], strings: ["Stakeholder", "Security Class", "Quantity", "Issue Date", "Price"],
      date1904: true, to: file)
    let result = try cli.sh("import \(file.path) --dry-run")
    #expect(
      result.stdout.contains("2027-01-15 issue CS-1: 1,000 Common to Ada at $0.0001"),
      "\(result.stdout)")
    #expect(result.stdout.contains("unmapped columns: \"Accredited\" (F1)"))
  }

  /// A mapping file names headers no synonym knows; errors name the sheet and the cell.
  @Test func mappingFileAndCellErrors() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("company add Beta --incorporated 2020-01-01")
    let file = cli.folder.appendingPathComponent("odd.xlsx")
    try WorkbookBuilder.write(
      sheet: [
        #"<c r="A1" t="inlineStr"><is><t>Member</t></is></c><c r="B1" t="inlineStr"><is><t>Units</t></is></c><c r="C1" t="inlineStr"><is><t>When</t></is></c>"#,
        #"<c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2"><v>12.5</v></c><c r="C2" t="inlineStr"><is><t>2021-01-01</t></is></c>"#,
      ], name: "Members", to: file)
    let noMapping = try cli.run(["import", file.path])
    #expect(noMapping.status == 1)
    #expect(noMapping.stderr.contains("sheet Members: no header row"), "\(noMapping.stderr)")

    let mapping = cli.folder.appendingPathComponent("map.txt")
    try "Member = holder\nUnits = quantity  # shares\nWhen = issue-date\n".write(
      to: mapping, atomically: true, encoding: .utf8)
    let mapped = try cli.run(["import", file.path, "--mapping", mapping.path, "--sheet", "members"])
    #expect(mapped.status == 1)
    #expect(
      mapped.stderr.contains("odd.xlsx, sheet Members, cell B2: found 12.5, expected a whole"),
      "\(mapped.stderr)")
    #expect(try cli.sh("ledger").stdout.contains("No transactions"))

    let missing = try cli.run(["import", file.path, "--sheet", "Nope"])
    #expect(missing.stderr.contains("no sheet named 'Nope' (sheets: Members)"), "\(missing.stderr)")
  }

  @Test func ocfPathsGoToTheOCFImporter() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    let result = try cli.run([
      "import", cli.folder.appendingPathComponent("Manifest.ocf.json").path,
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("OCF package"), "\(result.stderr)")
  }
}
