import Foundation
import Testing

/// Whole-output transcripts of the provider's book and the control lens (issue 18 items 4 and
/// 5): costs to serve, `tokens issuer`, rights and segments, `report portfolio` with its flags
/// and a settings file, with refused inputs.
@Suite("Whole-output transcripts: the provider's book and the control lens")
struct OutputSnapshotBookTests {
  @Test func bookAndLens() throws {
    var snapshot = try OutputSnapshot.demo()
    let settings = snapshot.cli.folder.appendingPathComponent("lens.yaml")
    try "fully_diluted_pct: 10\nsegment_companies: 2\n".write(
      to: settings, atomically: true, encoding: .utf8)
    let bad = snapshot.cli.folder.appendingPathComponent("bad.yaml")
    try "voting_pct: 150\n".write(to: bad, atomically: true, encoding: .utf8)
    try snapshot.run([
      "token add H100H --issuer ComputeCo --unit \"H100-hour\" --peg 2.50 --cost-per-unit 1.10",
      "token cost H100H 1.30 --date 2026-09-01",
      "token cost NOPE 1.00",
      "token cost H100H free",
      "grant-compute ComputeCo H100H 1,000,000 --agreed-price 2.00 --unlock 24/6/1 "
        + "--date 2026-01-01",
      "tokens issuer H100H",
      "tokens issuer H100H --as-of 2026-09-30 --format csv",
      "tokens issuer H100H --format json",
      "company segment \"foundation models\" --date 2026-01-01",
      "company add \"Beta Labs\" --incorporated 2026-01-01 --segment \"Foundation Models\"",
      "class add Common --authorized 10M --company \"Beta Labs\"",
      "issue ComputeCo 100,000 Common --price 1.00 --date 2026-02-01 --company \"Beta Labs\"",
      "board right ComputeCo observer-seat \"Board observer\" --date 2026-02-01 "
        + "--company \"Beta Labs\"",
      "board add ComputeCo --seat \"Investor director\" --date 2026-02-01 --company \"Acme AI\"",
      "board right ComputeCo exclusivity \"Exclusive compute supplier\" --date 2026-02-01 "
        + "--company \"Acme AI\"",
      "board right ComputeCo spend-commitment \"Cloud spend\" --amount 2M --period \"24 months\" "
        + "--ends 2028-02-01 --date 2026-02-01 --company \"Acme AI\"",
      "board right ComputeCo information-rights \"Monthly financials\" --date 2026-02-01 "
        + "--company \"Acme AI\"",
      "board right ComputeCo spend-commitment \"No amount\" --date 2026-02-01 "
        + "--company \"Acme AI\"",
      "board right ComputeCo consent \"Sale\" --ends 2026-01-01 --date 2026-02-01 "
        + "--company \"Acme AI\"",
      "board right ComputeCo veto \"Anything\" --date 2026-02-01 --company \"Acme AI\"",
      "board provision ComputeCo \"Consent to sell the company\" --date 2026-02-01 "
        + "--company \"Acme AI\"",
      "board end ComputeCo --right information-rights --name \"Monthly financials\" "
        + "--date 2026-05-01 --company \"Acme AI\"",
      "board end ComputeCo --right exclusivity --name \"Nothing\" --date 2026-05-01 "
        + "--company \"Acme AI\"",
      "board list --company \"Acme AI\"",
      "board list --company \"Beta Labs\"",
      "report portfolio --investor ComputeCo",
      "report portfolio --investor ComputeCo --format csv",
      "report portfolio --investor ComputeCo --settings lens.yaml",
      "report portfolio --investor ComputeCo --settings bad.yaml",
    ])
    try snapshot.assertMatches("book")
  }
}
