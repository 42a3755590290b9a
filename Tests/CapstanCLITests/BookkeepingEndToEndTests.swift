import Foundation
import Testing

/// Issue 15: corrections on the append-only ledger, later-dated entries, convertibles in view,
/// and the health check; every number below is worked out by hand in the comments.
@Suite("capstan void, class amend, later entries, safe list, check: end to end")
struct BookkeepingEndToEndTests {
  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Acme (CLIHarness.buildAcme) then 1,000 Common to Linus by mistake (meant for Grace).
  func acmeWithMistake(_ cli: CLIHarness) throws {
    try cli.buildAcme()
    try cli.sh("issue Linus 1,000 Common --price 0.0001 --date 2025-06-01")
  }

  /// The mistake is transaction 4 (issue, issue, grant, then it). After the void the table is
  /// the one before the mistake: Ada 4,000,000, Grace 4,000,000, Linus 250,000 options, pool
  /// 750,000 = 9,000,000; with the mistake it was 9,001,000.
  @Test func voidingTheWrongIssuanceRestoresTheTable() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let before = try cli.sh("table --as-of 2025-12-31 --format csv").stdout
    try cli.sh("issue Linus 1,000 Common --price 0.0001 --date 2025-06-01")
    #expect(
      try json(cli.sh("table --as-of 2025-12-31 --format json").stdout)["total"] as? Int
        == 9_001_000)
    let voided = try cli.sh(
      "void 4 --reason \"issued to the wrong holder\" --date 2025-06-02")
    #expect(voided.stdout.contains("Voided transaction 4"))
    #expect(try cli.sh("table --as-of 2025-12-31 --format csv").stdout == before)
    // Both rows kept, the reason with the void; the voided row is hidden by default.
    let ledger = try cli.sh("ledger --format json --include-voided").stdout
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(ledger.utf8)) as? [[String: Any]])
    let mistake = try #require(rows.first { $0["sequence"] as? Int == 4 })
    #expect(mistake["voided_by"] as? Int == 5)
    let void = try #require(rows.first { $0["sequence"] as? Int == 5 })
    #expect(void["kind"] as? String == "void")
    #expect((void["details"] as? String)?.contains("issued to the wrong holder") == true)
    let text = try cli.sh("ledger").stdout
    #expect(!text.contains("1,000 Common to Linus"))
    #expect(text.contains("1 voided transaction not shown"))
    #expect(try cli.sh("ledger --include-voided").stdout.contains("(voided by 5)"))
    // OCF has no void: the package holds the corrected ledger (no CS-3) and lists the void.
    let ocf = cli.folder.appendingPathComponent("ocf").path
    let exported = try cli.sh("export ocf -o \(ocf)").stdout
    #expect(exported.contains("not exported: void (the voided transaction is left out) ×1"))
    let transactions = try String(
      contentsOfFile: ocf + "/Transactions.ocf.json", encoding: .utf8)
    #expect(transactions.contains("\"CS-1\""))
    #expect(!transactions.contains("\"CS-3\""))
  }

  /// Capstan XML export → import into a new workspace keeps both rows and the void, and the
  /// imported table is the corrected one (9,000,000 fully diluted).
  @Test func voidRoundTripsThroughCapstanXML() throws {
    let source = try CLIHarness()
    try acmeWithMistake(source)
    try source.sh("void 4 --reason \"wrong holder\" --date 2025-06-02")
    let xml = source.folder.appendingPathComponent("acme.xml").path
    try source.sh("export xml -o \(xml)")
    let written = try String(contentsOfFile: xml, encoding: .utf8)
    #expect(written.contains("<void seq=\"5\" date=\"2025-06-02\" transaction=\"4\""))
    let target = try CLIHarness()
    try target.sh("init")
    try target.sh("import \(xml)")
    let rows = try #require(
      try JSONSerialization.jsonObject(
        with: Data(target.sh("ledger --format json --include-voided").stdout.utf8))
        as? [[String: Any]])
    #expect(rows.count == 5)
    #expect(rows.first { $0["sequence"] as? Int == 4 }?["voided_by"] as? Int == 5)
    #expect(
      try json(target.sh("table --as-of 2025-12-31 --format json").stdout)["total"] as? Int
        == 9_000_000)
    let again = target.folder.appendingPathComponent("again.xml").path
    try target.sh("export xml -o \(again)")
    #expect(try String(contentsOfFile: again, encoding: .utf8) == written)
  }

  /// Transaction 5 transfers 400 of the mistaken CS-3: voiding 4 is refused naming the
  /// transfer, nothing is written; --cascade voids both.
  @Test func voidingAnIssuanceATransferDependsOnIsRefused() throws {
    let cli = try CLIHarness()
    try acmeWithMistake(cli)
    try cli.sh("transfer CS-3 Ada 400 --date 2025-07-01")
    let refused = try cli.run(["void", "4", "--reason", "wrong holder"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("transaction 5 (transfer CS-3, 2025-07-01)"))
    #expect(!(try cli.sh("ledger --include-voided").stdout.contains("void")))
    let cascade = try cli.sh("void 4 --reason \"wrong holder\" --date 2025-08-01 --cascade")
    #expect(cascade.stdout.contains("transaction 5 (transfer CS-3, 2025-07-01)"))
    #expect(
      try json(cli.sh("table --as-of 2025-12-31 --format json").stdout)["total"] as? Int
        == 9_000_000)
  }

  /// Seed Co: Founder 1,000,000 Common; Investor 1,000,000 Series Seed at $1 (1x,
  /// non-participating); the preference becomes 2x on 2026-06-01. Exit at $3,000,000:
  /// before, 1x = $1,000,000 < converting (1/2 × 3,000,000 = $1,500,000), so it converts and
  /// each gets $1,500,000; from 2026-06-01, 2x = $2,000,000 > $1,500,000, so the investor
  /// takes $2,000,000 and the founder the remaining $1,000,000.
  @Test func classAmendmentChangesExitsFromItsDateOnly() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add \"Seed Co\" --incorporated 2026-01-01",
      "class add Common --authorized 10M",
      "class add \"Series Seed\" --authorized 1M --preferred --issue-price 1",
      "stakeholder add Founder", "stakeholder add Investor",
      "issue Founder 1M Common --price 0.0001 --date 2026-01-01",
      "issue Investor 1M \"Series Seed\" --price 1 --date 2026-01-02",
      "class amend \"Series Seed\" --date 2026-06-01 --liquidation-multiple 2",
    ] {
      try cli.sh(line)
    }
    let before = try cli.sh("exit --value 3M --as-of 2026-05-31 --format csv").stdout
    #expect(before.contains("Founder,1500000.00,1500000"))
    #expect(before.contains("Investor,1500000.00,1500000"))
    let after = try cli.sh("exit --value 3M --as-of 2026-06-01 --format csv").stdout
    #expect(after.contains("Founder,1000000.00,1000000"))
    #expect(after.contains("Investor,2000000.00,2000000"))
    // --date stays an alias of --as-of.
    #expect(try cli.sh("exit --value 3M --date 2026-06-01 --format csv").stdout == after)
    let show = try cli.sh("class show \"Series Seed\" --as-of 2026-06-01").stdout
    #expect(show.contains("2026-06-01  amended (transaction 3): liquidation preference 2x"))
  }

  /// The Series A of RoundCloseEndToEndTests, closed a week after today: `table` as of today
  /// names the round in its note, `--as-of latest` shows it (Lead 2,981,366 shares).
  @Test func laterEntriesNoteNamesTheRound() throws {
    let cli = try CLIHarness()
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.timeZone = TimeZone(identifier: "UTC")
    let later = formatter.string(from: Date().addingTimeInterval(7 * 86_400))
    for line in [
      "init", "company add \"Example Co\" --incorporated 2024-01-01",
      "class add Common --authorized 10M", "stakeholder add Founders", "stakeholder add Staff",
      "stakeholder add \"SAFE A\"", "stakeholder add \"SAFE B\"",
      "issue Founders 8M Common --price 0.0001 --date 2024-01-01",
      "plan add Plan --class Common --reserve 1M",
      "grant Staff 600k --plan Plan --strike 0.1 --date 2024-02-01",
      "safe add \"SAFE A\" 500k --cap 8M --date 2025-01-01",
      "safe add \"SAFE B\" 1M --cap 12M --discount 20% --date 2025-02-01",
      "round save \"Series A\" --pre-money 24M --invest Lead=6M --pool-target 12% --date \(later)",
    ] {
      try cli.sh(line)
    }
    let close = try cli.sh("round close \"Series A\"").stdout
    #expect(close.contains("Note: dated \(later), after today"))
    let today = try cli.sh("table").stdout
    #expect(!today.contains("Lead"))
    // Written by the round: the class, 3 purchases/conversions... 5 transactions in all.
    #expect(
      today.contains(
        "transactions dated after \(formatter.string(from: Date())) are not shown (latest \(later): round Series A); use --as-of \(later) or --as-of latest."
      ))
    let latest = try cli.sh("table --as-of latest --format csv").stdout
    #expect(latest.contains("Lead,holder,2981366,0,0,2981366,"))
    let object = try json(cli.sh("table --format json").stdout)
    let entries = try #require(object["later_entries"] as? [String: Any])
    #expect(entries["latest"] as? String == later)
  }

  /// SAFE A $500,000 at an $8M post-money cap and SAFE B $1,000,000 at $12M over B = 9,000,000
  /// fully diluted: f = 500,000/8M + 1M/12M = 1/16 + 1/12 = 7/48; the post-money capitalization
  /// is 9,000,000 ÷ (41/48) = 10,536,585.36...; SAFE A gets 1/16 of it = 658,536.58 → 658,536,
  /// SAFE B 1/12 = 878,048.78 → 878,048 (the round engine's conversions in the example);
  /// together 1,536,584, total 10,536,584. At --round-price 0.50: SAFE A min(0.7592..., 0.50)
  /// → 1,000,000; SAFE B min(1.1388..., 0.40) → 2,500,000.
  @Test func safesListedFootnotedAndEstimated() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add \"Example Co\" --incorporated 2024-01-01",
      "class add Common --authorized 20M", "stakeholder add Founders", "stakeholder add Staff",
      "stakeholder add \"SAFE A\"", "stakeholder add \"SAFE B\"",
      "issue Founders 8M Common --price 0.0001 --date 2024-01-01",
      "plan add Plan --class Common --reserve 1M",
      "grant Staff 600k --plan Plan --strike 0.1 --date 2024-02-01",
      "safe add \"SAFE A\" 500k --cap 8M --date 2025-01-01",
      "safe add \"SAFE B\" 1M --cap 12M --discount 20% --date 2025-02-01",
    ] {
      try cli.sh(line)
    }
    let list = try cli.sh("safe list --as-of 2025-12-31").stdout
    #expect(list.contains("SAFE-1"))
    #expect(list.contains("SAFE A"))
    #expect(list.contains("$8,000,000.00"))
    #expect(list.contains("20.00%"))
    #expect(list.contains("Outstanding  2       $1,500,000.00"))
    let table = try cli.sh("table --as-of 2025-12-31").stdout
    #expect(table.contains("Outstanding convertibles, not counted above"))
    #expect(table.contains("Total 2 outstanding, $1,500,000.00"))
    let csv = try cli.sh(
      "table --as-of 2025-12-31 --basis fully-diluted-with-convertibles --format csv"
    ).stdout
    #expect(csv.contains("\"SAFE A (SAFE-1, estimated)\",holder,0,0,0,658536,"))
    #expect(csv.contains("\"SAFE B (SAFE-2, estimated)\",holder,0,0,0,878048,"))
    #expect(csv.hasPrefix("name,kind,stock,options,available,total,fraction,percent,estimated\n"))
    let text = try cli.sh(
      "table --as-of 2025-12-31 --basis fully-diluted-with-convertibles"
    ).stdout
    #expect(text.contains("fully diluted with convertibles (estimated)"))
    #expect(text.contains("10,536,584"))
    let priced = try json(
      cli.sh(
        "table --as-of 2025-12-31 --basis fully-diluted-with-convertibles --round-price 0.50 "
          + "--format json"
      ).stdout)
    let estimate = try #require(priced["convertibles"] as? [String: Any])
    #expect(estimate["estimated_shares"] as? Int == 3_500_000)
  }

  /// Common 10,000,000 authorized; 8,000,000 issued; a 2,000,000 pool; Series Seed 2,000,000
  /// shares converting 1:1 into 2,000,000 common. Needed 8,000,000 + 2,000,000 + 2,000,000 =
  /// 12,000,000: short by 2,000,000, an error, exit 1.
  @Test func checkReportsTheAuthorizedShortfall() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add \"Check Co\" --incorporated 2025-01-01",
      "class add Common --authorized 10M",
      "class add \"Series Seed\" --authorized 2M --preferred --issue-price 1",
      "stakeholder add Founders", "stakeholder add Fund",
      "issue Founders 8M Common --price 0.0001 --date 2025-01-01",
      "plan add Plan --class Common --reserve 2M --date 2025-01-01",
      "issue Fund 2M \"Series Seed\" --price 1 --date 2025-02-01",
    ] {
      try cli.sh(line)
    }
    let result = try cli.run(["check", "--as-of", "2025-12-31"])
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "Common: 10,000,000 authorized, 12,000,000 needed (8,000,000 issued + 2,000,000 reserved "
          + "for plans + 2,000,000 preferred as converted): short by 2,000,000"))
    #expect(result.stdout.contains("capstan authorize \"Common\" 12000000"))
    let machine = try cli.run(["check", "--as-of", "2025-12-31", "--format", "json"])
    #expect(machine.status == 1)
    let object = try json(machine.stdout)
    let findings = try #require(object["findings"] as? [[String: Any]])
    let shortfall = try #require(findings.first { $0["check"] as? String == "authorized-shares" })
    #expect(shortfall["severity"] as? String == "error")
    #expect((shortfall["numbers"] as? [String: String])?["shortfall"] == "2000000")
    // Authorizing 12,000,000 clears it: nothing is an error, exit 0.
    try cli.sh("authorize Common 12,000,000 --date 2025-03-01")
    #expect(try cli.run(["check", "--as-of", "2025-12-31"]).status == 0)
  }

  /// "Grace H." got 1,000 Common on 2025-06-01 (Grace under another spelling). Merged into
  /// Grace on 2025-07-01: Grace holds 4,000,000 + 1,000 = 4,001,000 from then on, not before;
  /// the merge survives Capstan XML; voiding it brings the second row back.
  @Test func mergingTwoSpellingsRepointsHoldings() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    try cli.sh("stakeholder add \"Grace H.\"")
    try cli.sh("issue \"Grace H.\" 1,000 Common --price 0.0001 --date 2025-06-01")
    try cli.sh("stakeholder merge \"Grace H.\" INTO Grace --date 2025-07-01")
    let after = try cli.sh("table --as-of 2025-12-31 --format csv").stdout
    #expect(after.contains("Grace,holder,4001000,0,0,4001000,"))
    #expect(!after.contains("Grace H."))
    let before = try cli.sh("table --as-of 2025-06-30 --format csv").stdout
    #expect(before.contains("Grace H.,holder,1000,0,0,1000,"))
    let xml = cli.folder.appendingPathComponent("merged.xml").path
    try cli.sh("export xml -o \(xml)")
    #expect(
      try String(contentsOfFile: xml, encoding: .utf8).contains(
        "<holder-merge seq=\"5\" date=\"2025-07-01\" from=\"grace-h\" into=\"grace\"/>"))
    let target = try CLIHarness()
    try target.sh("init")
    try target.sh("import \(xml)")
    #expect(try target.sh("table --as-of 2025-12-31 --format csv").stdout == after)
    try cli.sh("void 5 --reason \"not the same person\" --date 2025-08-01")
    #expect(
      try cli.sh("table --as-of 2025-12-31 --format csv").stdout.contains(
        "Grace H.,holder,1000,0,0,1000,"))
  }

  /// Acme plus "Ada, Inc." holding 100 Common: "ada" once case, punctuation and "Inc" are
  /// dropped, like Ada; and Linus's grant of 2025-03-01 has no 409A in force. Both warnings,
  /// no error: exit 0. A 409A of $0.20 from 2025-02-01 puts the $0.10 strike below it: an error.
  @Test func checkWarnsWithoutFailingAndFailsOnAStrikeBelowThe409A() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    try cli.sh("stakeholder add \"Ada, Inc.\"")
    try cli.sh("issue \"Ada, Inc.\" 100 Common --price 0.0001 --date 2025-04-01")
    let warned = try cli.run(["check", "--as-of", "2025-12-31"])
    #expect(warned.status == 0)
    #expect(
      warned.stdout.contains(
        "WARNING [duplicate-names] these stakeholders look like one: Ada, Ada, Inc."))
    #expect(warned.stdout.contains("capstan stakeholder merge \"Ada, Inc.\" INTO \"Ada\""))
    #expect(warned.stdout.contains("WARNING [no-409a] OP-1 (Linus)"))
    try cli.sh("valuation add --class Common --price 0.20 --date 2025-02-01")
    let failed = try cli.run(["check", "--as-of", "2025-12-31"])
    #expect(failed.status == 1)
    #expect(
      failed.stdout.contains(
        "ERROR [strike-below-409a] OP-1 (Linus) was granted on 2025-03-01 at a strike of $0.10, "
          + "below the 409A of $0.20 in force (effective 2025-02-01)"))
  }

  /// Acme's plan returns cancelled options to the pool until it is amended to retire them on
  /// 2025-06-01. 50,000 of Linus's 250,000 cancelled on 2025-05-01 go back: pool 750,000 +
  /// 50,000 = 800,000; the other 200,000 cancelled on 2025-07-01 are retired: the pool stays
  /// 800,000. Fully diluted 8,000,000 + 0 options + 800,000 = 8,800,000 (9,000,000 had both
  /// returned).
  @Test func planAmendmentChangesCancellationsFromItsDate() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    try cli.sh("cancel OP-1 50,000 --date 2025-05-01")
    try cli.sh("plan amend \"2025 Plan\" --date 2025-06-01 --cancellation retire")
    try cli.sh("cancel OP-1 200,000 --date 2025-07-01")
    let csv = try cli.sh("table --as-of 2025-12-31 --format csv").stdout
    #expect(csv.contains("2025 Plan,pool,0,0,800000,800000,"))
    #expect(
      try json(cli.sh("table --as-of 2025-12-31 --format json").stdout)["total"] as? Int
        == 8_800_000)
  }
}
