import Foundation
import Testing

/// The whole-output transcript of revenue-share credits (issue 18 item 3) on the demo
/// company: recorded, listed in each format, in the ledger, refused, in the XML export and
/// listed as not exported to OCF.
@Suite("Whole-output transcripts: revenue-share credits")
struct OutputSnapshotRevenueShareTests {
  @Test func revenueShares() throws {
    var snapshot = try OutputSnapshot.demo()
    try snapshot.run([
      "revenue-share add ComputeCo --credits 500k --percent 5% --cap 1.5x --date 2026-03-01 "
        + "--expires 2028-03-01 --company \"Acme AI\"",
      "revenue-share add GPUCo --credits 200,000 --percent 2.5% --cap 2x --date 2026-04-01 "
        + "--company \"Acme AI\"",
      "revenue-share add GPUCo --credits 200,000 --percent 5% --cap 0.5x --date 2026-04-01 "
        + "--company \"Acme AI\"",
      "revenue-share list --company \"Acme AI\"",
      "revenue-share list --format csv --company \"Acme AI\"",
      "revenue-share list --format json --company \"Acme AI\"",
      "ledger --since 2026-03-01 --company \"Acme AI\"",
      "export ocf -o acme-ocf --company \"Acme AI\"",
    ])
    try snapshot.assertMatches("revenue-share")
  }
}
