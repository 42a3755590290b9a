import CapstanModel
import CapstanStore
import CapstanTestSupport
import Foundation
import Testing

/// Issue 19, stored snapshots, end to end: `capstan table` on a long ledger saves a snapshot
/// on read and prints the same table from it as without, and after a backdated issuance (which drops the
/// snapshot) prints the new table.
@Suite("capstan table with stored snapshots, end to end")
struct TableSnapshotEndToEndTests {
  /// Acme (`buildAcme`: Ada and Grace 4,000,000 each on 2025-01-15, Linus 250,000 options of
  /// the 1,000,000 pool) plus 5,000 issuances of one share to Grace, one a day from 2025-04-01
  /// cycling through 200 days (so through 2025-10-17), written through the library.
  func buildLongAcme(_ cli: CLIHarness) throws -> Company.ID {
    try cli.buildAcme()
    let workspace = try SQLiteWorkspace.open(at: cli.db)
    let company = try #require(try workspace.companies().first).id
    let start = try #require(CalendarDate(iso: "2025-04-01"))
    try workspace.write { draft in
      let grace = try #require(draft.stakeholders.first { $0.name == "Grace" }).id
      let events: [(date: CalendarDate, event: LedgerEvent)] = (0..<5_000).map { n in
        (
          start.adding(days: n % 200),
          .issueStock(
            StockIssuance(
              security: SecurityID("LONG-\(n)"), holder: grace, shareClass: "common",
              quantity: 1, pricePerShare: fraction(1, 10_000), vesting: nil))
        )
      }
      try draft.append(events, to: company)
    }
    return company
  }

  @Test func theTableIsTheSameFromASnapshotAndAfterABackdatedIssuance() throws {
    let cli = try CLIHarness()
    let company = try buildLongAcme(cli)
    let command = "table --basis fully-diluted --as-of 2025-12-31 --format csv"
    #expect(try SQLiteWorkspace.open(at: cli.db).snapshots(for: company).isEmpty)
    let first = try cli.sh(command).stdout
    // Stock: Ada 4,000,000, Grace 4,000,000 + 5,000 × 1 = 4,005,000; Linus 250,000 options;
    // the pool 1,000,000 − 250,000 = 750,000 available; total 9,005,000.
    #expect(first.contains("Ada,holder,4000000,0,0,4000000,"))
    #expect(first.contains("Grace,holder,4005000,0,0,4005000,"))
    #expect(first.contains("Linus,holder,0,250000,0,250000,"))
    // That read replayed 5,003 transactions (past `Ledger.checkpointInterval`), so it saved a
    // snapshot at the last transaction on or before 2025-12-31: 2025-10-17, day 199 of the
    // issuances.
    let saved = try SQLiteWorkspace.open(at: cli.db).snapshots(for: company)
    #expect(saved.count == 1)
    #expect(saved.first?.date == CalendarDate(iso: "2025-10-17"))
    let second = try cli.sh(command).stdout
    #expect(second == first)
    // Before the checkpoint (2025-04-30: the first 30 days of issuances, 30 × 25 = 750
    // shares, as days 0...29 each come up 25 times in 5,000 = 25 × 200).
    let april = try cli.sh("table --as-of 2025-04-30 --format csv").stdout
    #expect(april.contains("Grace,holder,4000750,0,0,4000750,"))

    // A backdated issuance of 1,000 shares to Ada on 2025-02-01 drops the snapshot.
    try cli.sh("issue Ada 1,000 Common --price 0.0001 --date 2025-02-01")
    #expect(try SQLiteWorkspace.open(at: cli.db).snapshots(for: company).isEmpty)
    let third = try cli.sh(command).stdout
    #expect(third.contains("Ada,holder,4001000,0,0,4001000,"))
    #expect(third.contains("Grace,holder,4005000,0,0,4005000,"))
  }
}
