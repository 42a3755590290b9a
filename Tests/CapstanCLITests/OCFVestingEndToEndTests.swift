import Foundation
import Testing

/// `capstan import` of OCF vesting transactions through the binary.
@Suite("OCF vesting transactions, end to end")
struct OCFVestingEndToEndTests {
  /// CS-1 (1,000 shares, no vesting) and an acceleration of 10 of it: nothing is unvested, so
  /// the package is refused naming the file and the item, and the workspace is unchanged.
  @Test func accelerationOfMoreThanIsUnvestedIsRefused() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("company add Existing --incorporated 2024-01-01")
    let folder = cli.folder.appendingPathComponent("pkg")
    try OCFEndToEndTests.package(
      in: folder,
      transactions: """
        {"file_type":"OCF_TRANSACTIONS_FILE","items":[{"object_type":"TX_STOCK_ISSUANCE",
         "id":"tx1","date":"2024-01-02","security_id":"CS-1","custom_id":"CS-1",
         "stakeholder_id":"s1","stock_class_id":"c1","share_price":{"amount":"0.0001",
         "currency":"USD"},"quantity":"1000","security_law_exemptions":[],"stock_legend_ids":[]},
         {"object_type":"TX_VESTING_ACCELERATION","id":"va1","date":"2024-03-01",
          "security_id":"CS-1","quantity":"10","reason_text":"board"}]}
        """)
    let before = try OCFEndToEndTests.snapshot(cli)
    let result = try cli.run(["import", folder.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("Transactions.ocf.json, item va1"), "\(result.stderr)")
    #expect(result.stderr.contains("only 0 unvested"), "\(result.stderr)")
    #expect(try OCFEndToEndTests.snapshot(cli) == before)
  }
}
