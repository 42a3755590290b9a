import Foundation
import Testing

/// Every `custom_id` of acme's package is kept (issue 14): also those of the securities a
/// transfer, cancellation, repurchase or conversion results in.
@Suite("OCF custom ids of every security")
struct OCFCustomIDEndToEndTests {
  static let acme = OCFEndToEndTests.samples.appendingPathComponent(
    "ocf-tools/acme_holdings_limited")

  /// The package's custom ids by security id, read from Transactions.ocf.json itself (not from
  /// Capstan): every item with a `custom_id` (all of them TX_STOCK_ISSUANCE or
  /// TX_EQUITY_COMPENSATION_ISSUANCE). Read by hand there are 20: OA-1 … OA-7, OA-10, OA-11,
  /// OA-12, P-01, P-02, OB-1 … OB-5, EC-1 … EC-3.
  static func packageIDs() throws -> [String: String] {
    let data = try Data(contentsOf: acme.appendingPathComponent("Transactions.ocf.json"))
    let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let items = try #require(file["items"] as? [[String: Any]])
    var ids: [String: String] = [:]
    for item in items {
      if let custom = item["custom_id"] as? String, let security = item["security_id"] as? String {
        ids[security] = custom
      }
    }
    return ids
  }

  /// Whether `text` names `customID` as a whole id (OA-1 is a prefix of OA-10).
  static func names(_ text: String, _ customID: String) -> Bool {
    text.contains(" \(customID) ") || text.contains("(\(customID))")
      || text.contains(" \(customID)\n")
  }

  @Test(
    "acme: all 20 custom ids appear in ledger, and table --by security shows the open ones",
    .enabled(if: OCFEndToEndTests.enabled, "../shared/ocf-samples is absent; skipped"))
  func allTwenty() throws {
    let ids = try Self.packageIDs()
    #expect(ids.count == 20)
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("import \(Self.acme.path)")
    let ledger = try cli.sh("ledger").stdout
    for customID in ids.values.sorted() {
      #expect(Self.names(ledger, customID), "\(customID) not in the ledger")
    }
    // The transfer st_01 names both of its results, the repurchase and cancellation their
    // balances (Transactions.ocf.json: si_03 OA-3, si_04 OA-4, si_06 OA-6, si_07 OA-7); the
    // details whole, as CSV (the text listing wraps them at 100 columns).
    let details = try cli.sh("ledger --format csv").stdout
    #expect(details.contains("as stock_issuance_03 (OA-3), balance stock_issuance_04 (OA-4)"))
    #expect(details.contains("balance stock_issuance_06 (OA-6)"))
    #expect(details.contains("balance stock_issuance_07 (OA-7)"))
    #expect(details.contains("balance stock_issuance_preferred_balance_from_01 (P-02)"))

    // Open today, by hand: OA-5 25,000; OA-7 = 300,000 − 220,000 = 80,000; OA-11 30,000;
    // OA-12 10,000; OB-4 27,000; OB-5 23,000; P-02 15,000 (35,000 − 20,000 converted).
    let table = try cli.sh("table --by security --basis outstanding").stdout
    for (security, customID, quantity) in [
      ("stock_issuance_05", "OA-5", "25,000"), ("stock_issuance_07", "OA-7", "80,000"),
      ("stock_issuance_11", "OA-11", "30,000"), ("stock_issuance_12", "OA-12", "10,000"),
      ("stock_issuance_b_04", "OB-4", "27,000"), ("stock_issuance_b_05", "OB-5", "23,000"),
      ("stock_issuance_preferred_balance_from_01", "P-02", "15,000"),
    ] {
      let line = table.split(separator: "\n").first { $0.hasPrefix(security + " ") }
      #expect(line?.contains(" \(customID) ") == true, "\(security)")
      #expect(line?.hasSuffix(" " + quantity) == true, "\(security)")
    }
    #expect(!table.contains("EC-1"))
    let diluted = try cli.sh("table --by security").stdout
    // EC-1: 360,000 × 2 (split) − 1,000 − 800 − 750 − 350 exercised = 717,100 options.
    #expect(diluted.contains("EC-1") && diluted.contains("717,100"))
    let json = try cli.sh("table --by security --format json").stdout
    #expect(json.contains(#""custom_id": "P-02""#) || json.contains(#""custom_id":"P-02""#))
  }

  @Test(
    "acme: export to OCF writes every custom id back, and an import of it keeps them",
    .enabled(if: OCFEndToEndTests.enabled, "../shared/ocf-samples is absent; skipped"))
  func exportKeepsThem() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("import \(Self.acme.path)")
    let package = cli.folder.appendingPathComponent("acme-ids")
    try cli.sh("export ocf -o \(package.path)")
    let exported = try String(
      contentsOf: package.appendingPathComponent("Transactions.ocf.json"), encoding: .utf8)
    for customID in ["OA-3", "OA-4", "OA-6", "OA-7", "P-02"] {
      #expect(exported.contains("\"\(customID)\""), "\(customID) not exported")
    }
    let second = try CLIHarness()
    try second.sh("init")
    let reimported = try second.sh("import \(package.path)").stdout
    // EC-1's strike is $1.00 as granted; the 2:1 split of Ordinary B on 2023-03-01 makes it
    // $0.50 at the exercises of 2023-06, the price their exported resulting issuances record:
    // no disagreement to warn about.
    #expect(!reimported.contains("records price"), "\(reimported)")
    let ledger = try second.sh("ledger").stdout
    for customID in try Self.packageIDs().values.sorted() {
      #expect(Self.names(ledger, customID), "\(customID) lost in the round trip")
    }
  }
}

/// A transfer's custom ids in Capstan XML reach `capstan vesting` and `table --by security`.
@Suite("custom ids of transferred restricted stock")
struct TransferCustomIDEndToEndTests {
  /// Ada's 1,200 restricted shares (CS-1, "C-1", 12 months monthly from 2025-01-01, no cliff)
  /// transfer 300 to Bob on 2025-02-01: Bob's CS-2 is "T-2", Ada's balance CS-3 of 900 is
  /// "B-3". On 2025-06-30 both are listed with those ids.
  @Test func transferredStockShowsItsIDs() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    let xml = cli.folder.appendingPathComponent("delta.xml")
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <capstan xmlns="urn:capstan:ledger:1" version="1">
      <company name="Delta" currency="USD" incorporated="2025-01-01"/>
      <stakeholders><stakeholder id="ada" name="Ada"/><stakeholder id="bob" name="Bob"/>
      </stakeholders>
      <classes><class id="c" name="Common" authorized="100000"/></classes>
      <transactions>
        <issue date="2025-01-01" security="CS-1" holder="ada" class="c" quantity="1200" price="0.01" custom-id="C-1"><vesting start="2025-01-01" total-months="12" cliff-months="0" frequency-months="1"/></issue>
        <transfer date="2025-02-01" security="CS-1" to="bob" quantity="300" resulting-security="CS-2" balance-security="CS-3" custom-id="T-2" balance-custom-id="B-3"/>
      </transactions>
    </capstan>
    """.write(to: xml, atomically: true, encoding: .utf8)
    try cli.sh("import \(xml.path)")
    let vesting = try cli.sh("vesting --as-of 2025-06-30").stdout
    #expect(vesting.split(separator: "\n").contains { $0.contains("CS-3") && $0.contains(" B-3 ") })
    #expect(vesting.split(separator: "\n").contains { $0.contains("CS-2") && $0.contains(" T-2 ") })
    let table = try cli.sh("table --by security --as-of 2025-06-30").stdout
    // 1,200 − 300 = 900 left with Ada.
    #expect(
      table.split(separator: "\n").contains {
        $0.hasPrefix("CS-3 ") && $0.contains(" B-3 ") && $0.hasSuffix(" 900")
      }, "\(table)")
    #expect(try cli.sh("ledger").stdout.contains("as CS-2 (T-2), balance CS-3 (B-3)"))
  }
}
