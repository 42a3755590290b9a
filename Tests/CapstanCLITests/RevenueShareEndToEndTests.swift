import Foundation
import Testing

/// `capstan revenue-share add|list`: revenue-share compute credits in the ledger (issue 18 item
/// 3), their refusals, the offer leg `round save --from-offer` does not carry, and the round's
/// term sheet.
@Suite("capstan revenue-share, end to end")
struct RevenueShareEndToEndTests {
  func entries(_ cli: CLIHarness) throws -> [[String: Any]] {
    let listing = try cli.run(["ledger", "--format", "json"])
    return try #require(
      try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
  }

  /// Acme (`CLIHarness.buildAcme`) holds three transactions. RS-1: $500,000 at 5 % with a 1.5x
  /// cap, so 1.5 × 500,000 = $750,000 owed at most; RS-2: $200,000 at 2.5 % with a 2x cap,
  /// 2 × 200,000 = $400,000. Totals: credits 500,000 + 200,000 = 700,000; cap amounts
  /// 750,000 + 400,000 = 1,150,000. Neither changes the table.
  @Test func recordedListedAndOwedWithoutChangingTheTable() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let tableBefore = try cli.run(["table"]).stdout
    let first = try cli.sh(
      "revenue-share add ComputeCo --credits 500k --percent 5% --cap 1.5x --date 2026-03-01 "
        + "--expires 2028-03-01")
    #expect(
      first.stdout
        == "Recorded transaction 4 on 2026-03-01: revenue-share RS-1, revenue share from "
        + "ComputeCo: $500,000.00 of credits, repaid at 5% of revenue until $750,000.00 (1.5x) "
        + "is paid, term ends 2028-03-01\n")
    try cli.sh("revenue-share add GPUCo --credits 200,000 --percent 2.5% --cap 2 --date 2026-04-01")
    #expect(try cli.run(["table"]).stdout == tableBefore)

    let json = try cli.sh("revenue-share list --format json").stdout
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let rows = try #require(document["revenue_shares"] as? [[String: Any]])
    #expect(rows.map { $0["security"] as? String } == ["RS-1", "RS-2"])
    #expect(rows.map { $0["provider"] as? String } == ["ComputeCo", "GPUCo"])
    #expect(rows.map { $0["cap_amount"] as? String } == ["750000", "400000"])
    #expect(rows.map { $0["percentage"] as? String } == ["0.05", "0.025"])
    #expect(rows.map { $0["cap_multiple"] as? String } == ["1.5", "2"])
    #expect(rows.first?["expires"] as? String == "2028-03-01")
    #expect(rows.last?["expires"] is NSNull)
    #expect(document["total_credits"] as? String == "700000")
    #expect(document["total_cap_amount"] as? String == "1150000")

    let text = try cli.sh("revenue-share list").stdout
    #expect(text.contains("$750,000.00"), "\(text)")
    #expect(text.contains("$1,150,000.00"), "\(text)")
    // Before RS-2's date only RS-1 is owed.
    let early = try cli.sh("revenue-share list --as-of 2026-03-15 --format csv").stdout
    #expect(early.split(separator: "\n").count == 2, "\(early)")
    #expect(early.contains("RS-1,ComputeCo,2026-03-01,500000,0.05,1.5,750000,2028-03-01"))
  }

  /// A cap below 1x, a percentage above 100 % and a term ending before the grant are refused
  /// with exit status 1, naming the term, and nothing is written.
  @Test func badTermsAreRefusedAndWriteNothing() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    for (arguments, message) in [
      ("--percent 5% --cap 0.5x", "the cap multiple must be at least 1x"),
      ("--percent 150% --cap 1.5x", "at most 100 %"),
      ("--percent 5% --cap 1.5x --expires 2026-01-01", "the term ends on 2026-01-01"),
    ] {
      let result = try cli.run(
        ["revenue-share", "add", "ComputeCo", "--credits", "500k", "--date", "2026-03-01"]
          + arguments.split(separator: " ").map(String.init))
      #expect(result.status == 1, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
    let zero = try cli.run([
      "revenue-share", "add", "ComputeCo", "--credits", "0", "--percent", "5%", "--cap", "1.5x",
      "--date", "2026-03-01",
    ])
    #expect(zero.status == 1 && zero.stderr.contains("--credits"), "\(zero.stderr)")
    #expect(try entries(cli).count == 3)
    #expect(try cli.sh("revenue-share list").stdout.hasPrefix("No revenue shares"))
  }

  /// An offer's revenue-share leg is not carried by `round save --from-offer` (which says so);
  /// recorded on the closing date, it is on the round's term sheet: $500,000 at 5 %, cap 1.5x,
  /// so a cap amount of 1.5 × 500,000 = $750,000.00.
  @Test func fromAnOfferToTheTermSheet() throws {
    let cli = try CLIHarness()
    try OfferEndToEndTests.seed(cli)
    try cli.sh(
      "offer add R --pre-money 23M --invest Lead=7M --pool-target 10% "
        + "--revenue-share credits=500k,percent=5%,cap=1.5x,provider=CloudCo --date 2026-06-01")
    let saved = try cli.sh("round save --from-offer R").stdout
    #expect(
      saved.contains(
        "Not carried: the revenue share from CloudCo (500,000.00 of credits, 5% of revenue, "
          + "cap 1.5x); record it with capstan revenue-share add --date 2026-06-01 once signed"),
      "\(saved)")
    let before = try cli.sh("termsheet R").stdout
    #expect(!before.contains("Revenue-Share Compute Credits"))
    try cli.sh(
      "revenue-share add CloudCo --credits 500k --percent 5% --cap 1.5x --date 2026-06-01")
    let sheet = try cli.sh("termsheet R").stdout
    #expect(sheet.contains("### Credits from CloudCo"), "\(sheet)")
    #expect(sheet.contains("| Cap amount | $750,000.00 |"), "\(sheet)")
    #expect(sheet.contains("**CloudCo**"))
  }
}
