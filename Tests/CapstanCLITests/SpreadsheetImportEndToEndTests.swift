import Foundation
import Testing

/// The Carta-style fixtures of Fixtures/import (README.md there derives every figure):
/// Ada Lovelace 4,000,000 and Kai Müller 3,000,000 Common Stock for a total Cost of $400 and
/// $300 (so $0.0001 a share); Northwind Ventures LP 1,000,000 Series Seed Preferred for
/// $1,000,000 ($1.00 a share; the class: $1.00 issue price, 1x non-participating, seniority 1);
/// Linus Torvalds 250,000 options at $0.10 with no class; "Options available for grant"
/// 750,000; Total 9,000,000 shares and $1,000,700.00.
@Suite("capstan import of spreadsheets that keep the deal, end to end")
struct SpreadsheetImportEndToEndTests {
  static let fixtures = ImportEndToEndTests.fixtures

  /// The report with its folded lines joined (a line break and the indent become one space).
  static func flat(_ text: String) -> String {
    text.replacingOccurrences(of: "\n\\s*", with: " ", options: .regularExpression)
  }

  func company(_ cli: CLIHarness) throws {
    try cli.sh("init")
    try cli.sh("company add \"Acme Robotics\" --incorporated 2025-01-01")
  }

  /// The .xlsx (class terms on a "Share Classes" sheet) and the .csv (the same terms as
  /// columns beside the holdings) give the same ledger and classes, and the reconciliation
  /// matches. At a $2M exit, Series Seed's 1x preference is $1.00 × 1,000,000 = $1,000,000;
  /// converting would give it 1,000,000 ÷ 8,000,000 × $2M = $250,000, so it takes $1M; the
  /// other $1M goes to common: Ada 4/7 = $571,428.57, Kai 3/7 = $428,571.43.
  @Test(arguments: ["carta-captable.xlsx", "carta-captable.csv"])
  func cartaExportKeepsTheDeal(file: String) throws {
    let cli = try CLIHarness()
    try company(cli)
    let out = Self.flat(
      try cli.sh("import \(Self.fixtures.appendingPathComponent(file).path)").stdout)
    #expect(out.contains("created class Series Seed Preferred (preferred), 1,000,000 authorized"))
    #expect(out.contains("issue price $1.00, 1x non-participating, seniority 1"), "\(out)")
    // 7,000,000 common + the 1,000,000 reserve (250,000 granted + 750,000 available).
    #expect(out.contains("created class Common Stock (common), 8,000,000 authorized"))
    #expect(out.contains("created plan Equity Plan of Common Stock, 1,000,000 reserved"))
    #expect(!out.contains("class Common (common)"), "no second Common beside Common Stock")
    #expect(out.contains("Northwind Ventures LP (institution)"))
    #expect(out.contains("Kai Müller (individual)"))
    #expect(
      out.contains("issue PS-1: 1,000,000 Series Seed Preferred to Northwind Ventures LP at $1.00"))
    // 4 years monthly with a 1-year cliff, 48 months / 12-month cliff, 1/48 after a 1-year cliff.
    #expect(out.contains("to Ada Lovelace at $0.0001, vesting 48/12/1 from 2025-01-15"))
    #expect(out.contains("to Linus Torvalds, strike $0.10, vesting 48/12/1 from 2025-03-01"))
    #expect(out.contains("total: row 10 'Total': 9,000,000 shares, cost $1,000,700.00; matches"))
    #expect(
      out.contains(
        "plan Equity Plan: options 250,000 file / 250,000 workspace; available 750,000 file / 750,000 workspace "
      ))
    #expect(out.contains("Everything matches; no warnings."), "\(out)")

    let exit = try cli.sh("exit --value 2M --options exclude --date 2026-01-01 --format csv")
      .stdout
    #expect(exit.contains("Northwind Ventures LP,1000000.00"), "\(exit)")
    #expect(exit.contains("Ada Lovelace,571428.57"))
    #expect(exit.contains("Kai Müller,428571.43"))
    let classes = try cli.sh("class list --format csv").stdout
    #expect(classes.contains("Series Seed Preferred,preferred"), "\(classes)")
  }

  @Test func xlsxAndCSVGiveTheSameLedger() throws {
    let a = try CLIHarness()
    let b = try CLIHarness()
    try company(a)
    try company(b)
    try a.sh("import \(Self.fixtures.appendingPathComponent("carta-captable.xlsx").path)")
    try b.sh("import \(Self.fixtures.appendingPathComponent("carta-captable.csv").path)")
    #expect(try a.sh("ledger --format csv").stdout == b.sh("ledger --format csv").stdout)
  }

  /// Without the class terms the import refuses, naming the class and the missing terms and
  /// the two ways to give them; nothing is written. Adding the class first makes it import.
  @Test(arguments: ["carta-no-terms.xlsx", "carta-no-terms.csv"])
  func preferredWithoutEconomicsIsRefused(file: String) throws {
    let cli = try CLIHarness()
    try company(cli)
    let path = Self.fixtures.appendingPathComponent(file).path
    let refused = try cli.run(["import", path])
    #expect(refused.status != 0)
    #expect(
      refused.stderr.contains(
        "Series Seed Preferred (missing: original issue price, liquidation multiple)"),
      "\(refused.stderr)")
    #expect(refused.stderr.contains("\"Share classes\" sheet"))
    #expect(refused.stderr.contains("capstan class add \"Series Seed Preferred\""))
    #expect(try cli.sh("ledger").stdout.contains("No transactions"))
    #expect(try cli.sh("class list --format csv").stdout.split(separator: "\n").count == 1)

    try cli.sh(
      "class add \"Series Seed Preferred\" --authorized 1M --preferred --issue-price 1.00 "
        + "--liquidation-multiple 1x")
    let imported = Self.flat(try cli.sh("import \(path)").stdout)
    #expect(imported.contains("Everything matches; no warnings."), "\(imported)")
    let exit = try cli.sh("exit --value 2M --options exclude --date 2026-01-01 --format csv")
    #expect(exit.stdout.contains("Northwind Ventures LP,1000000.00"))
  }

  /// JSON report; importing into a company where Ada already holds 100,000 options of its only
  /// plan (reserve 1,000,000) makes the reconciliation differ: Ada 4,000,000 in the file vs
  /// 4,100,000 in the workspace; the plan's options 250,000 vs 350,000 and its pool 750,000 vs
  /// 1,000,000 − 350,000 = 650,000. Each is a warning, which --strict refuses.
  @Test func reconciliationJSONAndStrict() throws {
    let cli = try CLIHarness()
    try company(cli)
    try cli.sh("class add \"Common Stock\" --authorized 20M")
    try cli.sh(
      "class add \"Series Seed Preferred\" --authorized 2M --preferred --issue-price 1.00")
    try cli.sh("stakeholder add \"Ada Lovelace\"")
    try cli.sh("plan add Plan --class \"Common Stock\" --reserve 1M")
    try cli.sh("grant \"Ada Lovelace\" 100k --plan Plan --strike 0.1 --date 2025-01-02")
    let path = Self.fixtures.appendingPathComponent("carta-captable.csv").path
    let strict = try cli.run(["import", path, "--strict"])
    #expect(strict.status != 0)
    #expect(strict.stderr.contains("--strict refuses the file"), "\(strict.stderr)")
    #expect(
      strict.stderr.contains(
        "stakeholder Ada Lovelace: the file has 4,000,000 shares costing $400.00; the workspace "
          + "after the import has 4,100,000 costing $400.00"), "\(strict.stderr)")
    #expect(
      strict.stderr.contains(
        "plan Plan: the file has 250,000 options and 750,000 available; the workspace after the "
          + "import has 350,000 outstanding and 650,000 available"), "\(strict.stderr)")
    #expect(try cli.sh("ledger --format csv").stdout.split(separator: "\n").count == 2)

    let json = try cli.sh("import \(path) --format json --dry-run").stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let reconciliation = try #require(object["reconciliation"] as? [String: Any])
    let classes = try #require(reconciliation["classes"] as? [[String: Any]])
    let common = try #require(classes.first { $0["name"] as? String == "Common Stock" })
    // 4,000,000 + 3,000,000 shares at $0.0001: $700.00, the same in the workspace.
    #expect(common["file_shares"] as? Int == 7_000_000)
    #expect(common["workspace_shares"] as? Int == 7_000_000)
    #expect(common["file_cost"] as? String == "700.00")
    #expect(common["matches"] as? Bool == true)
    let holders = try #require(reconciliation["stakeholders"] as? [[String: Any]])
    let ada = try #require(holders.first { $0["name"] as? String == "Ada Lovelace" })
    #expect(ada["workspace_shares"] as? Int == 4_100_000)
    #expect(ada["matches"] as? Bool == false)
    let warnings = try #require(object["warnings"] as? [[String: Any]])
    #expect(warnings.count == 2)
    #expect(
      warnings.contains {
        ($0["location"] as? String)?.hasSuffix("stakeholder Ada Lovelace") == true
      })
    #expect(try cli.sh("ledger --format csv").stdout.split(separator: "\n").count == 2)
  }

  /// A totals row that does not add up is a warning with both figures; a subtotal per class
  /// is checked against that class's rows; US dates, a type column and a pool row with the
  /// plan's class taken from the company.
  @Test func totalsThatDoNotAddUp() throws {
    let cli = try CLIHarness()
    try company(cli)
    try cli.sh("class add \"Common Stock\" --authorized 20M")
    let file = cli.folder.appendingPathComponent("sheet.csv")
    try """
    Name,Stakeholder Type,Class,Shares,Price,Grant Date
    Jo Smith,Individual,Common Stock,100,0.01,02/03/2025
    Apex Trust,Individual,Common Stock,200,0.01,February 4 2025
    Total Return Fund LP,,Common Stock,50,0.01,2025-02-05
    Total Common Stock,,,350,,
    Option pool,,,1000,,
    Grand total,,,1400,,
    """.write(to: file, atomically: true, encoding: .utf8)
    let out = Self.flat(try cli.sh("import \(file.path) --dry-run").stdout)
    // "Total Return Fund LP" has an issue date: a holder, not a subtotal. 100 + 200 + 50 = 350
    // matches the subtotal; 350 + 1,000 = 1,350 ≠ 1,400.
    #expect(out.contains("issue CS-3: 50 Common Stock to Total Return Fund LP"), "\(out)")
    #expect(out.contains("Total Return Fund LP (institution)"))
    #expect(
      out.contains("total: row 5 'Total Common Stock': 350 shares; matches class Common Stock"),
      "\(out)")
    #expect(
      out.contains(
        "'Grand total' states 1,400 shares; all rows add up to 350 (1,350 with the pool)"), "\(out)"
    )
    // The type column overrides the name ("Trust"); 02/03/2025 is read month first.
    #expect(out.contains("Apex Trust (individual)"))
    #expect(out.contains("2025-02-03 issue CS-1: 100 Common Stock to Jo Smith"))
    #expect(out.contains("2025-02-04 issue CS-2: 200 Common Stock to Apex Trust"))
    #expect(out.contains("would create plan Equity Plan of Common Stock, 1,000 reserved"))
    let dmy = try cli.sh("import \(file.path) --dry-run --date-format dmy").stdout
    #expect(dmy.contains("2025-03-02 issue CS-1"), "\(dmy)")
    let strict = try cli.run(["import", file.path, "--strict"])
    #expect(strict.status != 0)
    #expect(strict.stderr.contains("'Grand total' states 1,400 shares"))
  }

  /// Pulley's template layout (Fixtures/import/README.md): the Shares sheet is found behind
  /// Summary and Stakeholder Details, Harbor Seed is an entity by the details sheet, the
  /// Options sheet joins Common Stock, the pool row sets the reserve 400,000 + 1,600,000 =
  /// 2,000,000. At $3M Series Seed takes its $1,500,000 preference; Mira gets 5/8 of the
  /// remaining $1,500,000 = $937,500, Sol 3/8 = $562,500.
  @Test func pulleyTemplate() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("company add \"Beacon Labs\" --incorporated 2024-01-01")
    let path = Self.fixtures.appendingPathComponent("pulley-template.xlsx").path
    let shares = Self.flat(try cli.sh("import \(path)").stdout)
    #expect(shares.contains("sheet Shares (header row 1)"), "\(shares)")
    #expect(shares.contains("stakeholder types and e-mails from sheet Stakeholder Details"))
    #expect(shares.contains("Harbor Seed (institution)"))
    #expect(shares.contains("created class Common Stock (common), 15,000,000 authorized"))
    #expect(shares.contains("issue price $0.75, 1x non-participating, seniority 1"))
    #expect(shares.contains("custom ids kept from the file: CS-001, CS-002, PS-001"))
    #expect(shares.contains("Everything matches; no warnings."), "\(shares)")
    let options = Self.flat(try cli.sh("import \(path) --sheet Options").stdout)
    #expect(options.contains("created plan 2024 Stock Plan of Common Stock, 2,000,000 reserved"))
    #expect(!options.contains("created class"), "\(options)")
    #expect(options.contains("available 1,600,000 file / 1,600,000 workspace"), "\(options)")
    let exit = try cli.sh("exit --value 3M --options exclude --date 2025-06-01 --format csv")
    #expect(exit.stdout.contains("Harbor Seed,1500000.00"), "\(exit.stdout)")
    #expect(exit.stdout.contains("Mira Chen,937500.00"))
    #expect(exit.stdout.contains("Sol Ortiz,562500.00"))
  }
}
