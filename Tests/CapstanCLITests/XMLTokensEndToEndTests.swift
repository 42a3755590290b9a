import Foundation
import Testing

@Suite("capstan export xml and import with compute tokens and richer vesting, end to end")
struct XMLTokensEndToEndTests {
  /// A company with all 21 kinds of ledger event: stock, options, SAFE, note and warrant,
  /// exercise, transfer, cancel, repurchase, split, authorization, pool increases, a round with
  /// a token investor (conversions, in-step compute grant), a price-gated grant with a
  /// clawback, an at-grant grant with expiry, redemptions and a sale, richer vesting terms
  /// (front loaded, tranche, milestone, double and single acceleration, days), the milestone,
  /// change-of-control and termination events, and a down round (conversion price).
  static let script = [
    "init",
    "company add Acme --incorporated 2026-01-01",
    "class add Common --authorized 20M",
    "class add Seed --authorized 2M --preferred --issue-price 1 --anti-dilution broad",
    "stakeholder add Founders",
    "stakeholder add Eve",
    "stakeholder add Bob",
    "stakeholder add Angel",
    "issue Founders 9M Common --price 0.0001 --date 2026-01-01 --vesting 48/12/1",
    "plan add Plan --class Common --reserve 1M",
    "issue Angel 500,000 Seed --price 1 --date 2026-02-01",
    #"token add H100H --issuer ComputeCo --unit "H100-hour" --units-per-token 1 --peg 2.50"#,
    #"token add B200H --issuer ComputeCo --unit "B200-hour" --units-per-token 0.5"#,
    "token price H100H 2.60 --on 2026-06-01",
    "token price H100H 1.40 --on 2026-11-01",
    "token price H100H 2.90 --on 2027-07-01",
    "token price B200H 0.35 --on 2026-01-01",
    "safe add Angel 100k --date 2026-03-01 --cap 5M --discount 20%",
    "note add Bob 50k --date 2026-03-02 --rate 8% --maturity 2028-03-02",
    "warrant add Angel 10,000 Common --strike 0.5 --date 2026-03-03 --expires 2036-03-03",
    "grant Eve 1,200 --plan Plan --strike 0.1 --date 2026-01-15 --vesting 12/0/3 --vesting-allocation front-loaded --milestone Launch:20% --tranches 2026-06-01:100 --acceleration double:12:100%",
    "grant Bob 48,000 --plan Plan --strike 0.1 --date 2026-01-15 --vesting 48/12/1 --acceleration single:50%",
    "issue Bob 7,000 Common --price 0.001 --date 2026-01-15 --vesting-days 700/70/7 --acceleration single:50%",
    "exercise OP-2 12,000 --date 2027-02-01",
    "transfer CS-1 Eve 100,000 --date 2026-04-01",
    "cancel CS-2 1,000 --date 2026-04-02 --reason correction",
    "repurchase CS-3 1,000 --price 0.1 --date 2027-02-15",
    "authorize Common 40M --date 2026-04-04",
    "plan increase Plan 500,000 --date 2026-04-05",
    "round save A --pre-money 18M --invest Lead=3M --invest-tokens ComputeCo=1,500,000@2.00xH100H --pool-target 10% --date 2026-06-01 --token-unlock 24/6/1 --token-release in-step",
    "round close A",
    #"grant-compute ComputeCo H100H 100,000 --agreed-price 2 --price-gate 40,000@2.50 --price-gate 60,000@3.00 --gate-end 2028-01-01 --clawback-on "supply terminated" --date 2026-06-01"#,
    "grant-compute ComputeCo B200H 10,000 --agreed-price 0.30 --expires 2030-01-01 --date 2026-06-02",
    "token redeem B200H 3,000 --date 2026-07-01",
    "token sell B200H 2,000 --price 0.6 --date 2026-07-02",
    "token redeem H100H 100,000 --date 2026-12-15",
    #"token clawback CG-2 --event "supply terminated" --date 2027-07-15"#,
    "event record milestone launch --holder Eve --date 2026-07-01",
    #"event record change-of-control --date 2026-09-01 --note "sold to MegaCorp""#,
    "event record termination Eve --without-cause --date 2026-10-01",
    "event record termination Bob --security OP-2 --date 2027-03-01",
    "split Common 2:1 --date 2027-04-01",
    "issue Angel 100,000 Seed --price 0.5 --date 2027-05-01",
    // A compute grant on richer unlock terms: a dated tranche and a milestone.
    "grant-compute ComputeCo B200H 20,000 --agreed-price 0.30 --unlock-tranches 2027-07-01:15,000 --unlock-milestone Delivery:5,000 --date 2027-06-01",
    "event record milestone Delivery --security CG-4 --date 2027-08-01",
  ]

  static func build() throws -> CLIHarness {
    let cli = try CLIHarness()
    for line in script { try cli.sh(line) }
    return cli
  }

  /// Export, import into a new workspace: the same ledger, table, tokens and vesting, and
  /// exporting the copy gives the same file.
  @Test func everyEventKindRoundTrips() throws {
    let source = try Self.build()
    let kinds = Set(
      try source.sh("ledger --format csv").stdout.split(separator: "\n").dropFirst()
        .map { $0.split(separator: ",")[2] })
    #expect(kinds.count == 21, "\(kinds.sorted())")
    let xml = source.folder.appendingPathComponent("acme.xml").path
    try source.sh("export xml -o \(xml)")

    let target = try CLIHarness()
    try target.sh("init")
    let imported = try target.sh("import \(xml)").stdout
    #expect(imported.contains("2 tokens with 4 prices, 35 transactions"), "\(imported)")
    for command in [
      "ledger --format csv", "table --as-of 2027-12-31 --format csv",
      "table --as-of 2026-06-01", "tokens --as-of 2027-12-31 --format csv",
      "tokens --as-of 2026-12-01", "tokens issuer H100H --as-of 2027-07-15 --format csv",
      "vesting --as-of 2027-12-31 --format csv", "vesting --as-of 2026-10-01",
    ] {
      #expect(try target.sh(command).stdout == source.sh(command).stdout, "\(command)")
    }
    // CG-3: 10,000 B200H at grant, 3,000 redeemed and 2,000 sold leave 5,000 available.
    #expect(
      try target.sh("tokens --as-of 2027-12-31 --format csv").stdout.contains(
        "CG-3,ComputeCo,B200H,10000,10000,0,5000,3000,2000,0,0,"))
    let again = target.folder.appendingPathComponent("again.xml").path
    try target.sh("export xml -o \(again)")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: again))
        == Data(contentsOf: URL(fileURLWithPath: xml)))
  }

  /// A workspace that defines H100H with another peg refuses the file at the `<token>` line,
  /// and writes nothing.
  @Test func conflictingTokenIsRefusedAtItsLine() throws {
    let source = try Self.build()
    let xml = source.folder.appendingPathComponent("acme.xml").path
    try source.sh("export xml -o \(xml)")
    let text = try String(contentsOfFile: xml, encoding: .utf8)
    let line =
      try #require(
        text.split(separator: "\n", omittingEmptySubsequences: false)
          .firstIndex { $0.contains("<token symbol=\"H100H\"") }) + 1

    let target = try CLIHarness()
    try target.sh("init")
    try target.sh(#"token add H100H --issuer ComputeCo --unit "H100-hour" --peg 3"#)
    let result = try target.run(["import", xml])
    #expect(result.status == 1)
    #expect(result.stderr.contains("acme.xml:\(line)"), "\(result.stderr)")
    #expect(result.stderr.contains("peg 3, not 2.5"), "\(result.stderr)")
    #expect(try target.sh("company list").stdout.contains("No companies"))
  }
}
