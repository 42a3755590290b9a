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
    // balances (Transactions.ocf.json: si_03 OA-3, si_04 OA-4, si_06 OA-6, si_07 OA-7).
    #expect(ledger.contains("as stock_issuance_03 (OA-3), balance stock_issuance_04 (OA-4)"))
    #expect(ledger.contains("balance stock_issuance_06 (OA-6)"))
    #expect(ledger.contains("balance stock_issuance_07 (OA-7)"))
    #expect(ledger.contains("balance stock_issuance_preferred_balance_from_01 (P-02)"))

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
    try second.sh("import \(package.path)")
    let ledger = try second.sh("ledger").stdout
    for customID in try Self.packageIDs().values.sorted() {
      #expect(Self.names(ledger, customID), "\(customID) lost in the round trip")
    }
  }
}
