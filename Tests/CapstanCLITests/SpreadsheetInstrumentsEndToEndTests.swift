import Foundation
import Testing

/// SAFE, note and warrant sheets (issue 14), from the hand-written fixtures of Fixtures/import
/// (README.md there derives every figure): recorded as `safe add`, `note add` and
/// `warrant add` record them, reconciled, listed by --dry-run.
@Suite("capstan import of SAFE, note and warrant sheets")
struct SpreadsheetInstrumentsEndToEndTests {
  static let fixtures = ImportEndToEndTests.fixtures
  static let safes = fixtures.appendingPathComponent("safes.csv").path
  static let workbook = fixtures.appendingPathComponent("instruments-2003.xml").path

  /// The report on one line, every run of spaces one space (table columns too).
  static func flat(_ text: String) -> String {
    text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
  }

  func company(_ cli: CLIHarness) throws {
    try cli.sh("init")
    try cli.sh("company add \"Acme Robotics\" --incorporated 2025-01-01")
  }

  /// safes.csv: Northwind $250,000 post-money, cap $8M, 20 %, pro rata; Ada Angel $50,000
  /// post-money, cap $8M, MFN; Harbor Capital LLC $100,000 pre-money, 15 %, no cap. Total
  /// $250,000 + $50,000 + $100,000 = $400,000, as the Total row states.
  @Test func safesSheet() throws {
    let cli = try CLIHarness()
    try company(cli)
    let dry = Self.flat(
      try cli.sh("import \(Self.safes) --dry-run").stdout)
    #expect(dry.contains("sheet safes (SAFEs, header row 1)"), "\(dry)")
    #expect(
      dry.contains(
        "SAFE SAFE-1 (S-01): $250,000.00 from Northwind Ventures LP, post-money, cap "
          + "$8,000,000.00, discount 20.00%, pro rata"), "\(dry)")
    #expect(dry.contains("SAFE SAFE-2 (S-02): $50,000.00 from Ada Angel, post-money, cap"))
    #expect(
      dry.contains(
        "SAFE SAFE-3 (S-03): $100,000.00 from Harbor Capital LLC, pre-money, discount 15.00%"))
    #expect(dry.contains("total: row 5 'Total': $400,000.00; matches the rows"))
    #expect(dry.contains("all SAFEs 3 $400,000.00 3 $400,000.00 ok"), "\(dry)")
    #expect(dry.contains("Nothing written (dry run)."))
    #expect(try !cli.sh("safe list").stdout.contains("SAFE-1"))

    try cli.sh("import \(Self.safes)")
    let list = try cli.sh("safe list --format csv").stdout
    // The same SAFEs `safe add` records: amount, cap, discount, type, MFN, pro rata.
    #expect(list.contains("SAFE-1,Northwind Ventures LP,250000.00"), "\(list)")
    #expect(try cli.sh("ledger").stdout.contains(" S-03 "))
  }

  /// A holder who already has a SAFE in the workspace: the file's one SAFE ($50,000) beside
  /// the workspace's two ($50,000 + $20,000 = $70,000) is a warning, and --strict refuses.
  @Test func reconciliationFindsAnEarlierSAFE() throws {
    let cli = try CLIHarness()
    try company(cli)
    try cli.sh("stakeholder add \"Ada Angel\"")
    try cli.sh("safe add \"Ada Angel\" 20k --date 2025-02-01")
    let strict = try cli.run(["import", Self.safes, "--strict"])
    #expect(strict.status == 1)
    // Two warnings: Ada Angel's line and the line of all SAFEs.
    #expect(strict.stderr.contains("--strict refuses the file: 2 warning(s)"), "\(strict.stderr)")
    let out = Self.flat(try cli.sh("import \(Self.safes)").stdout)
    #expect(
      out.contains(
        "Ada Angel: 1 in the file ($50,000.00), 2 outstanding in the workspace on"), "\(out)")
    #expect(out.contains("($70,000.00)"))
    // $400,000 in the file; $420,000 outstanding with the earlier $20,000.
    #expect(out.contains("all SAFEs 3 $400,000.00 4 $420,000.00 DIFFERS"), "\(out)")
  }

  /// instruments-2003.xml, sheet "Convertible Notes": Kai Müller $100,000 at 6 % (a number cell
  /// 0.06), cap $6M, 20 % (0.2), maturing 2027-01-01; Seed Fund I (an Entity on Stakeholder
  /// Details) $200,000 at 8 % ("8%"), 20 %, maturing 2027-06-30. Total $300,000 matches.
  @Test func notesSheet() throws {
    let cli = try CLIHarness()
    try company(cli)
    let out = Self.flat(
      try cli.sh("import \(Self.workbook) --sheet \"Convertible Notes\"").stdout)
    #expect(out.contains("(convertible notes, header row 1)"), "\(out)")
    #expect(out.contains("Seed Fund I (institution)"))
    #expect(
      out.contains(
        "note N-1 (N-A): $100,000.00 from Kai Müller at 6.00%, matures 2027-01-01, cap "
          + "$6,000,000.00, discount 20.00%"), "\(out)")
    #expect(
      out.contains(
        "note N-2 (N-B): $200,000.00 from Seed Fund I at 8.00%, matures 2027-06-30, discount "
          + "20.00%"))
    #expect(out.contains("all convertible notes 2 $300,000.00 2 $300,000.00 ok"), "\(out)")
    #expect(try cli.sh("note list").stdout.contains("N-2"))
  }

  /// Sheet "Warrants": Bank Lender Inc. 50,000 Common Stock at $0.10, expiring 2032-01-01; its
  /// Total row says 60,000: a warning with both figures, and --strict refuses. The class must
  /// exist first (a warrant sheet creates no class).
  @Test func warrantsSheet() throws {
    let cli = try CLIHarness()
    try company(cli)
    let noClass = try cli.run(["import", Self.workbook, "--sheet", "Warrants"])
    #expect(noClass.status == 1)
    #expect(
      noClass.stderr.contains(
        "sheet Warrants, cell C2: no class named 'Common Stock' in the company"),
      "\(noClass.stderr)")
    try cli.sh("class add \"Common Stock\" --authorized 10M")
    let strict = try cli.run(["import", Self.workbook, "--sheet", "Warrants", "--strict"])
    #expect(strict.status == 1)
    #expect(try cli.sh("ledger").stdout.contains("warrant") == false)
    let out = Self.flat(
      try cli.sh("import \(Self.workbook) --sheet Warrants").stdout)
    #expect(
      out.contains(
        "warrant W-1 (W-01): 50,000 Common Stock to Bank Lender Inc., strike $0.10, expires "
          + "2032-01-01"), "\(out)")
    #expect(out.contains("cell D3: 'Total' states 60,000 but the rows add up to 50,000"))
    #expect(out.contains("all warrants 1 50,000 1 50,000 ok"), "\(out)")
  }

  /// Without --sheet, a workbook whose sheets are only instruments names them.
  @Test func withoutSheetTheInstrumentSheetsAreNamed() throws {
    let cli = try CLIHarness()
    try company(cli)
    let result = try cli.run(["import", Self.workbook])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "sheets Convertible Notes, Warrants hold SAFEs, notes or warrants: import each with "
          + "--sheet NAME"), "\(result.stderr)")
  }

  /// A CSV file whose name says nothing is read as notes by its columns (a holder, a principal
  /// and an interest rate, no shares): Lee's $75,000 at 5 %. A warrant row on a holdings sheet
  /// is refused with where warrants go.
  @Test func notesFoundByColumnsAndWarrantRowsRefused() throws {
    let cli = try CLIHarness()
    try company(cli)
    let csv = cli.folder.appendingPathComponent("round.csv")
    try "Investor,Principal,Interest Rate,Issue Date\nLee Park,75000,5%,2025-07-01\n".write(
      to: csv, atomically: true, encoding: .utf8)
    let out = Self.flat(try cli.sh("import \(csv.path)").stdout)
    #expect(out.contains("note N-1: $75,000.00 from Lee Park at 5.00%"), "\(out)")
    let holdings = cli.folder.appendingPathComponent("holdings.csv")
    try """
    Stakeholder,Security Type,Shares,Exercise Price,Issue Date
    Bank Lender Inc.,Warrant,1000,0.10,2025-03-01

    """.write(to: holdings, atomically: true, encoding: .utf8)
    let refused = try cli.run(["import", holdings.path])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("'warrant' rows are not read from a holdings sheet"))
    #expect(refused.stderr.contains("--sheet NAME"), "\(refused.stderr)")
  }
}
