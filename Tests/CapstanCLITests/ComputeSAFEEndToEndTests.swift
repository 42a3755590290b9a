import Foundation
import Testing

/// Issue 18, acceptance line 3, through the CLI: the compute-SAFE of
/// `ComputeSAFEAcceptanceTests` (hand calculation there and in docs/compute-safe.md). Founders
/// 9,000,000 Common; CSAFE-1 to ComputeCo: 600,000 GPU-hours at $2.50, window 2026-01-01 to
/// 2026-06-30, cap $10,000,000, discount 20 %, SLA suspension; a breach through March; draws of
/// 80,000 at the end of January, February, April, May and June and 100,000 on 2026-03-31
/// (inside the breach, accrues nothing): 5 × 80,000 × $2.50 = $1,000,000 accrued. At $2.00 a
/// share with Lead $2,000,000 it converts at the cap price $10,000,000 ÷ 10,000,000 = $1.00
/// into 1,000,000 shares; Lead buys 1,000,000.
@Suite("capstan compute-safe, end to end")
struct ComputeSAFEEndToEndTests {
  static let setup = [
    "init", "company add \"Acme AI\" --currency USD --incorporated 2026-01-01",
    "class add Common --authorized 20,000,000", "stakeholder add Founders",
    "issue Founders 9,000,000 Common --price 0.0001 --date 2026-01-01",
    "compute-safe add ComputeCo --commitment 600,000 --gpu-hours --agreed-price 2.50 "
      + "--window 2026-01-01:2026-06-30 --cap 10M --discount 20% --sla-suspension --date 2026-01-01",
    "compute-safe draw CSAFE-1 80,000 --date 2026-01-31",
    "compute-safe draw ComputeCo 80,000 --date 2026-02-28",
    "compute-safe breach CSAFE-1 --from 2026-03-01 --to 2026-03-31",
    "compute-safe draw CSAFE-1 100,000 --date 2026-03-31",
    "compute-safe draw CSAFE-1 80,000 --date 2026-04-30",
    "compute-safe draw CSAFE-1 80,000 --date 2026-05-31",
    "compute-safe draw CSAFE-1 80,000 --date 2026-06-30",
  ]

  @Test func drawsOverSixMonthsConvertIntoTheHandCalculatedShares() throws {
    let cli = try CLIHarness()
    for line in Self.setup { try cli.sh(line) }
    let safes = try cli.sh("safe list --format json").stdout
    let listed = try #require(
      try JSONSerialization.jsonObject(with: Data(safes.utf8)) as? [String: Any])
    let rows = try #require(listed["safes"] as? [[String: Any]])
    // The accrued amount: $1,000,000 (the March draw suspended).
    #expect(rows.first?["security"] as? String == "CSAFE-1")
    #expect(rows.first?["type"] as? String == "compute-SAFE")
    #expect(rows.first?["amount"] as? String == "1000000.00")
    let json = try cli.sh(
      "round model --price 2.00 --invest Lead=2M --date 2026-07-15 --format json"
    ).stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let conversions = try #require(object["conversions"] as? [[String: Any]])
    let conversion = try #require(conversions.first { $0["security"] as? String == "CSAFE-1" })
    #expect(conversion["shares"] as? Int == 1_000_000)
    let text = try cli.sh("round model --price 2.00 --invest Lead=2M --date 2026-07-15").stdout
    #expect(text.contains("the undrawn 100,000 GPU-hours ($250,000.00 at the agreed price) do not"))
    // The JSON carries the note the text shows: 600,000 − 500,000 drawn = 100,000 undrawn,
    // × $2.50 = $250,000.00 that does not convert.
    let notes = try #require(object["compute_safe_notes"] as? [String])
    #expect(notes.count == 1)
    #expect(notes.first?.hasPrefix("CSAFE-1 (ComputeCo): converts as a post-money SAFE of") == true)
    #expect(
      notes.first?.contains(
        "the undrawn 100,000 GPU-hours ($250,000.00 at the agreed price) do not convert") == true)
    #expect(notes.allSatisfy { text.contains($0) }, "\(notes)")
  }

  @Test func drawsOutsideTheWindowOrPastTheCommitmentAreRefusedAndWriteNothing() throws {
    let cli = try CLIHarness()
    for line in Self.setup { try cli.sh(line) }
    let late = try cli.run(CLIHarness.words("compute-safe draw CSAFE-1 1 --date 2026-07-01"))
    #expect(late.status == 1)
    #expect(late.stderr.contains("outside the draw window 2026-01-01 to 2026-06-30"))
    let over = try cli.run(CLIHarness.words("compute-safe draw CSAFE-1 100,001 --date 2026-06-30"))
    #expect(over.status == 1)
    #expect(over.stderr.contains("600,000 committed, 500,000 drawn already"))
    let listing = try cli.sh("ledger --format json").stdout
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [[String: Any]])
    // 1 issue, 1 compute-safe, 6 draws and 1 breach: nothing more.
    #expect(entries.count == 9)
  }

  /// The whole output of the commands, kept in Snapshots/output/compute-safe.txt.
  @Test func transcript() throws {
    var snapshot = try OutputSnapshot.empty()
    try snapshot.run(Self.setup)
    try snapshot.run([
      "compute-safe draw CSAFE-1 1 --date 2026-07-01",
      "compute-safe add ComputeCo --commitment 1,000 --agreed-price 2.50 "
        + "--window 2026-01-01:2026-06-30 --date 2026-01-01",
      "safe list", "ledger --since 2026-03-01",
      "table --basis fully-diluted-with-convertibles --as-of 2026-06-30",
      "round model --price 2.00 --invest Lead=2M --date 2026-07-15",
      "round save \"Series A\" --price 2.00 --invest Lead=2M --date 2026-07-15",
      "round close \"Series A\"",
      "termsheet \"Series A\" --template compute-safe --safe CSAFE-1", "table --as-of 2026-07-15",
      "safe list --as-of 2026-07-15",
      "compute-safe breach CSAFE-1 --from 2026-07-16",
      "export ocf -o acme-ocf", "export xml -o acme.xml",
    ])
    try snapshot.assertMatches("compute-safe")
  }
}
