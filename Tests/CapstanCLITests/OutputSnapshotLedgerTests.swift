import Foundation
import Testing

/// Whole-output snapshots of the ledger, table, bookkeeping and interchange commands (issue 17:
/// a representative output of each command, in every format it offers, and a refused input
/// with its exit status). Today is pinned to 2026-06-30 (`OutputSnapshot.today`).
///
/// The demo company (Fixtures/demo/acme-ai.capstan): Ada and Grace 4,000,000 Common each on
/// 2025-01-15 (48/12/1); the 2025 Plan reserves 1,000,000; Linus 250,000 options (OP-1,
/// 2025-03-01) and Margaret 100,000 (OP-2, 2025-06-01); Linus exercises 62,500 on 2026-03-02.
/// So on 2026-06-30: stock 8,062,500; options outstanding 187,500 + 100,000 = 287,500; pool
/// 1,000,000 - 350,000 = 650,000; fully diluted 8,062,500 + 287,500 + 650,000 = 9,000,000;
/// Ada 4,000,000 / 9,000,000 = 44.44 %.
@Suite struct OutputSnapshotLedgerTests {
  /// The views: table, ledger and vesting in text, CSV and JSON; the lists in every format.
  @Test func views() throws {
    var snapshot = try OutputSnapshot.demo()
    try snapshot.run([
      "table", "table --by class --basis outstanding", "table --format csv",
      "table --format json --basis outstanding", "table --by security",
      "table --by security --format csv", "table --by security --format json",
      "table --as-of 2025-02-01", "table --round-price 1.00",
      "table --by security --basis fully-diluted-with-convertibles",
      "ledger", "ledger --since 2025-03-01 --until 2025-12-31 --format csv", "ledger --format json",
      "ledger --since 2025-13-01",
      "vesting", "vesting --holder Linus --format csv", "vesting --as-of 2026-01-15 --format json",
      "company list --format csv", "company list --format json", "company show --as-of 2025-02-01",
      "stakeholder list --format csv", "stakeholder list --format json",
      "class list --format csv", "class list --format json",
      "plan list", "plan list --format csv", "plan list --format json",
      "check --as-of 2025-02-01", "table --company Nobody",
    ])
    try snapshot.assertMatches("ledger-views")
  }

  /// The writes: a preferred class and its issue, a SAFE in the table's footnote, every
  /// bookkeeping command, then the ledger with the voided entries and the histories.
  @Test func writes() throws {
    var snapshot = try OutputSnapshot.demo()
    try snapshot.run([
      "stakeholder add \"Seed Fund\" --institution --email ir@seed.vc",
      "stakeholder add Sam --email not-an-address",
      "class add \"Series A\" --authorized 2M --preferred --issue-price 1.00 --anti-dilution broad",
      "class add Broken --authorized 1M --issue-price 1.00",
      "issue \"Seed Fund\" 1,000,000 \"Series A\" --price 1.00 --date 2026-01-10",
      "issue Nobody 1,000 Common --price 1.00 --date 2026-01-10",
      "safe add Grace 100,000 --date 2026-02-01 --cap 10M",
      "table --basis fully-diluted-with-convertibles", "table --format json --by class",
      "class amend \"Series A\" --date 2026-03-01 --participation full --seniority 2",
      "class show \"Series A\"", "class list",
      "plan increase \"2025 Plan\" 100,000 --date 2026-04-01",
      "plan amend \"2025 Plan\" --date 2026-04-02 --cancellation retire",
      "plan add \"2026 Plan\" --class Common --reserve 200,000 --date 2026-05-01",
      "grant Margaret 10,000 --plan \"2026 Plan\" --strike 0.10 --date 2026-05-02 --vesting 12/0/1"
        + " --milestone \"FDA approval:20%\"",
      "authorize Common 1,000,000 --date 2026-05-03",
      "authorize Common 12,000,000 --date 2026-05-03",
      "split \"Series A\" 2 --date 2026-05-04", "split \"Series A\" 2:1 --date 2026-05-04",
      "transfer CS-1 Margaret 100,000 --date 2026-05-05",
      "repurchase CS-2 1,000 --price 0.0001 --date 2026-05-06",
      "cancel OP-2 --date 2026-05-07 --reason \"left\"",
      "event record change-of-control --date 2026-05-08",
      "event record termination Linus --date 2026-05-09",
      "event record milestone \"FDA approval\" --date 2026-05-10",
      "event record acceleration OP-3 --quantity 1,000 --date 2026-05-11",
      "stakeholder rename Grace \"Grace Hopper\" --date 2026-05-12",
      "stakeholder set \"Seed Fund\" --individual --date 2026-05-13",
      "stakeholder history \"Seed Fund\"", "stakeholder history \"Grace Hopper\" --format json",
      "stakeholder history \"Grace Hopper\" --format csv",
      "stakeholder merge Margaret INTO Ada --date 2026-05-14",
      "void 99 --reason \"entered twice\"",
      "undo --yes --date 2026-05-15 --reason \"wrong holder\"",
      "void 20 --reason \"entered twice\" --date 2026-05-16",
      "ledger --include-voided", "vesting --as-of 2026-05-31", "table --as-of 2026-05-31",
    ])
    try snapshot.assertMatches("ledger-writes")
  }

  /// Export and import: Capstan XML and OCF out and back, a holdings CSV and a SAFE sheet in
  /// (dry run, text and JSON), and a file the importer refuses.
  @Test func interchange() throws {
    var snapshot = try OutputSnapshot.demo()
    let fixtures = ImportEndToEndTests.fixtures
    for name in ["carta-captable.csv", "safes.csv"] {
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent(name),
        to: snapshot.cli.folder.appendingPathComponent(name))
    }
    try "not a ledger".write(
      to: snapshot.cli.folder.appendingPathComponent("notes.txt"), atomically: true,
      encoding: .utf8)
    try snapshot.run([
      "export xml -o acme.xml", "export ocf -o acme-ocf", "import notes.txt",
      "company add \"Acme Robotics\" --incorporated 2025-01-01",
      "import carta-captable.csv --company \"Acme Robotics\" --dry-run",
      "import carta-captable.csv --company \"Acme Robotics\" --format json",
      "import safes.csv --company \"Acme Robotics\" --dry-run --format json",
      "import safes.csv --company \"Acme Robotics\"",
      "import safes.csv --company \"Acme Robotics\" --format csv",
    ])
    var fresh = try OutputSnapshot.empty()
    try FileManager.default.copyItem(
      at: snapshot.cli.folder.appendingPathComponent("acme.xml"),
      to: fresh.cli.folder.appendingPathComponent("acme.xml"))
    try fresh.run(["init", "import acme.xml --dry-run", "import acme.xml", "ledger"])
    try snapshot.assertMatches("interchange")
    try fresh.assertMatches("interchange-xml")
  }
}
