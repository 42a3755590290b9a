import Foundation
import Testing

/// Issue 14: a sheet's certificate and grant ids kept as custom ids, and class terms named in a
/// `--mapping` file.
@Suite("capstan import of spreadsheets: custom ids and mapped class terms")
struct SpreadsheetIDsEndToEndTests {
  func company(_ cli: CLIHarness) throws {
    try cli.sh("init")
    try cli.sh("company add \"Acme Robotics\" --incorporated 2025-01-01")
  }

  func write(_ text: String, _ name: String, in cli: CLIHarness) throws -> String {
    let url = cli.folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// Certificate ids on stock rows and option rows (the Carta "Certificate ID" column): the
  /// securities get the company's ids (CS-1, CS-2 for Common, OP-1 for the grant) and keep the
  /// sheet's ids as their custom ids, shown by `ledger`, `table --by security` and `vesting`,
  /// and written by OCF export as `custom_id`.
  @Test func certificateAndGrantIDsAreCustomIDs() throws {
    let cli = try CLIHarness()
    try company(cli)
    let csv = try write(
      """
      Stakeholder,Certificate ID,Security Class,Shares,Price per Share,Issue Date,Exercise Price,Vesting Schedule
      Ada Lovelace,C-0001,Common Stock,"4,000,000",0.0001,2025-01-15,,
      Kai Müller,C-0002,Common Stock,"3,000,000",0.0001,2025-01-15,,
      Linus Torvalds,OG-17,,"250,000",,2025-03-01,0.10,48/12/1

      """, "ids.csv", in: cli)
    let out = try cli.sh("import \(csv)").stdout
    #expect(out.contains("issue CS-1 (C-0001): 4,000,000 Common Stock to Ada Lovelace"), "\(out)")
    #expect(out.contains("grant OP-1 (OG-17): 250,000 options"), "\(out)")
    #expect(out.contains("custom ids kept from the file: C-0001, C-0002, OG-17"))
    let ledger = try cli.sh("ledger").stdout
    #expect(
      ledger.split(separator: "\n").contains { $0.contains(" CS-2 ") && $0.contains(" C-0002 ") })
    let table = try cli.sh("table --by security --as-of 2025-12-31").stdout
    #expect(
      table.split(separator: "\n").contains {
        $0.hasPrefix("CS-1 ") && $0.contains(" C-0001 ") && $0.hasSuffix(" 4,000,000")
      }, "\(table)")
    #expect(
      table.split(separator: "\n").contains {
        $0.hasPrefix("OP-1 ") && $0.contains(" OG-17 ") && $0.hasSuffix(" 250,000")
      }, "\(table)")
    #expect(try cli.sh("vesting --as-of 2025-12-31").stdout.contains(" OG-17 "))
    let package = cli.folder.appendingPathComponent("out")
    try cli.sh("export ocf -o \(package.path)")
    let exported = try String(
      contentsOf: package.appendingPathComponent("Transactions.ocf.json"), encoding: .utf8)
    for id in ["C-0001", "C-0002", "OG-17"] {
      #expect(exported.contains("\"\(id)\""), "\(id)")
    }
  }

  /// One certificate id on two rows names two securities: refused naming both cells (B3 and
  /// B2), nothing written. An id a security of the company already has is refused likewise.
  @Test func aCertificateIDTwiceIsRefused() throws {
    let cli = try CLIHarness()
    try company(cli)
    let twice = try write(
      """
      Stakeholder,Certificate ID,Security Class,Shares,Price per Share,Issue Date
      Ada Lovelace,C-1,Common Stock,100,0.01,2025-01-15
      Kai Müller,C-1,Common Stock,200,0.01,2025-01-15

      """, "twice.csv", in: cli)
    let refused = try cli.run(["import", twice])
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains(
        "twice.csv, sheet twice, cell B3: certificate or grant id 'C-1' is already that of "
          + "another row ("),
      "\(refused.stderr)")
    #expect(refused.stderr.contains("twice.csv, sheet twice, cell B2)"), "\(refused.stderr)")
    #expect(try cli.sh("ledger").stdout.contains("No transactions"))
    let once = try write(
      """
      Stakeholder,Certificate ID,Security Class,Shares,Price per Share,Issue Date
      Ada Lovelace,C-1,Common Stock,100,0.01,2025-01-15

      """, "once.csv", in: cli)
    try cli.sh("import \(once)")
    let again = try cli.run(["import", once])
    #expect(again.status == 1)
    #expect(again.stderr.contains("is already that of CS-1 in the workspace"), "\(again.stderr)")
  }

  /// Class terms under headers no synonym knows, named in a mapping file. Seed Fund LP's row:
  /// issue price $1.00, 2x, participating capped at 3x, seniority 2, full ratchet, converting
  /// 2:1 (so at $1.00 ÷ 2 = $0.50). Without the mapping the class has no economics: refused.
  @Test func classTermsNamedInAMappingFile() throws {
    let cli = try CLIHarness()
    try company(cli)
    let csv = try write(
      """
      Holder,Class,Shares,Price,Date,Px0,Pref X,Take part,Order,Protection,Conv
      Ada Lovelace,Common Stock,8000000,0.0001,2025-01-15,,,,,,
      Seed Fund LP,Series Seed Preferred,1000000,1.00,2025-06-01,1.00,2x,Capped at 3x,2,Full ratchet,2:1

      """, "terms.csv", in: cli)
    let unmapped = try cli.run(["import", csv])
    #expect(unmapped.status == 1)
    #expect(
      unmapped.stderr.contains(
        "Series Seed Preferred (missing: original issue price, liquidation multiple)"),
      "\(unmapped.stderr)")
    let mapping = try write(
      """
      Px0 = original-issue-price
      Pref X = liquidation-multiple
      Take part = participation
      Order = seniority
      Protection = anti-dilution
      Conv = conversion-ratio

      """, "map.txt", in: cli)
    let out = SpreadsheetImportEndToEndTests.flat(
      try cli.sh("import \(csv) --mapping \(mapping)").stdout)
    #expect(
      out.contains(
        "issue price $1.00, 2x participating capped at 3x, seniority 2, anti-dilution ratchet, "
          + "converts at $0.50"), "\(out)")
    let bad = try write("Px0 = issue-price-of-class\n", "bad.txt", in: cli)
    let refused = try cli.run(["import", csv, "--mapping", bad])
    #expect(refused.stderr.contains("bad.txt:1: unknown field 'issue-price-of-class'"))
    #expect(refused.stderr.contains("original-issue-price, liquidation-multiple"))
  }
}
