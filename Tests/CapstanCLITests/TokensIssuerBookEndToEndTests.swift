import Foundation
import Testing

/// Issue 18 item 4 (acceptance line 2): `tokens issuer` on the fixture portfolio
/// (Fixtures/portfolio, its README derives the positions) shows the compute callable now, the
/// totals, and a schedule whose rows add up to what is owed.
///
/// The issue quotes $1,381,250 callable of $5,975,000 owed "in the demo portfolio"; the fixture
/// portfolio (the one `capstan demo` builds) owes 640,000 tokens, $1,600,000 at the peg, of
/// which 302,500 ($756,250) are callable on 2026-12-31, as derived below.
@Suite("capstan tokens issuer: the provider's book, end to end")
struct TokensIssuerBookEndToEndTests {
  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// H100H: peg $2.50, market $2.00 from 2026-12-01; cost to serve $1.10 from 2026-01-01.
  ///
  /// Acme AI: CG-1 500,000 tokens, 24/6/1 from 2026-03-01; on 2026-12-31 9 whole months:
  /// floor(500,000 × 9 ÷ 24) = 187,500 unlocked, 312,500 locked; 100,000 redeemed, so 87,500
  /// callable; owed 400,000. Borealis: 300,000 tokens 12/0/1 from 2026-01-01: 11 months,
  /// 275,000 unlocked, 25,000 locked, 60,000 redeemed: 215,000 callable, 240,000 owed.
  /// Cobalt Bio: no grant and no shares, but ComputeCo's SAFE ($500,000 at a $10M post-money
  /// cap over 5,000,000 fully diluted: f = 1/20, capitalization 5,000,000 ÷ 19/20, 1/20 of it
  /// = 263,157.89 → 263,157 shares; 263,157 ÷ 5,263,157 = 4.99999...% → 5.0000 %) counts in
  /// its stake as converted, an estimate: listed, owing nothing.
  ///
  /// Totals: owed 640,000 (at peg 1,600,000.00, market 1,280,000.00, cost 640,000 × 1.10 =
  /// 704,000.00); callable 302,500 (756,250.00 at the peg); locked 337,500.
  /// Schedule: now 302,500; month 1 (to 2027-01-31): Acme floor(500,000 × 10 ÷ 24) = 208,333
  /// − 187,500 = 20,833, Borealis its last 25,000: 45,833, cumulative 348,333. Acme's last
  /// tranche unlocks on 2028-03-01 (month 15), so month 24 ends at 640,000 and later is 0:
  /// callable + the 24 months + later = 302,500 + 337,500 = 640,000 = owed.
  /// Price per share at cost: Acme 500,000 × 1.10 ÷ 500,000 (PS-4) = 1.10; Borealis 300,000 ×
  /// 1.10 ÷ 1,200,000 (PS-2) = 0.275; together 880,000 ÷ 1,700,000 = 0.517647...
  /// Concentration of the compute owed: 400/640 = 62.5 %, 240/640 = 37.5 %; Herfindahl
  /// 0.625² + 0.375² = 0.53125 → 5,312.5; largest Acme AI.
  @Test func theBookOfTheFixturePortfolio() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    try cli.sh("token cost H100H 1.10 --date 2026-01-01")
    let book = try json(
      cli.sh("tokens issuer H100H --as-of 2026-12-31 --format json").stdout)
    #expect(book["cost_per_unit"] as? String == "1.10")
    let companies = try #require(book["companies"] as? [[String: Any]])
    #expect(
      companies.map { $0["company"] as? String } == ["Acme AI", "Borealis Robotics", "Cobalt Bio"])
    #expect(companies.map { $0["callable"] as? Int } == [87_500, 215_000, 0])
    #expect(companies.map { $0["locked"] as? Int } == [312_500, 25_000, 0])
    #expect(companies.map { $0["cost_value"] as? String } == ["440000.00", "264000.00", "0.00"])
    #expect(companies.map { $0["cost_per_share"] as? String } == ["1.10", "0.275", nil])
    #expect(companies[2]["issuer_shares"] as? Int == 263_157)
    #expect(companies[2]["issuer_fully_diluted"] as? String == "5.0000%")
    let totals = try #require(book["totals"] as? [String: Any])
    #expect(totals["tokens_owed"] as? Int == 640_000)
    #expect(totals["tokens_callable_now"] as? Int == 302_500)
    #expect(totals["tokens_locked"] as? Int == 337_500)
    #expect(totals["units_owed"] as? String == "640000.0000")
    #expect(totals["value_at_peg"] as? String == "1600000.00")
    #expect(totals["value_at_market"] as? String == "1280000.00")
    #expect(totals["value_at_cost"] as? String == "704000.00")
    #expect(totals["cost_per_share"] as? String == "0.517647")
    let schedule = try #require(book["schedule"] as? [[String: Any]])
    #expect(schedule.count == 26)
    #expect(schedule.first?["period"] as? String == "now")
    #expect(schedule.first?["tokens"] as? Int == 302_500)
    #expect(schedule.first?["value_at_peg"] as? String == "756250.00")
    #expect(schedule[1]["date"] as? String == "2027-01-31")
    #expect(schedule[1]["tokens"] as? Int == 45_833)
    #expect(schedule[1]["cumulative_tokens"] as? Int == 348_333)
    #expect(schedule.last?["period"] as? String == "later")
    #expect(schedule.last?["tokens"] as? Int == 0)
    // The rows add up to what is owed.
    let sum = schedule.compactMap { $0["tokens"] as? Int }.reduce(0, +)
    #expect(sum == 640_000)
    #expect(schedule.last?["cumulative_value_at_peg"] as? String == "1600000.00")
    let concentration = try #require(book["concentration"] as? [String: Any])
    #expect(concentration["herfindahl_index"] as? String == "5312.5000")
    #expect(concentration["top_company"] as? String == "Acme AI")
    #expect(concentration["top_share_pct"] as? String == "62.5000")

    let text = try cli.sh("tokens issuer H100H --as-of 2026-12-31").stdout
    #expect(text.contains("Callable now       302,500 (302,500 H100-hours)"), "\(text)")
    #expect(text.contains("Owed at cost       $704,000.00"), "\(text)")
    #expect(text.contains("callable now"), "\(text)")
    #expect(text.contains("5.0000% est."), "\(text)")
    for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
  }

  /// A cost change from a date applies from it; before the first date, that date's cost.
  /// With 1.10 from 2026-01-01 and 1.40 from 2027-01-01: on 2026-12-31 640,000 × 1.10 =
  /// 704,000; on 2027-01-31 Acme 208,333 unlocked, 291,667 locked + 108,333 callable = 400,000
  /// owed (no new redemption), Borealis 240,000: 640,000 × 1.40 = 896,000.
  @Test func aDatedCostChangeAppliesFromItsDate() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    try cli.sh("token cost H100H 1.10 --date 2026-01-01")
    try cli.sh("token cost H100H 1.40 --date 2027-01-01")
    let before = try json(cli.sh("tokens issuer H100H --as-of 2026-12-31 --format json").stdout)
    let after = try json(cli.sh("tokens issuer H100H --as-of 2027-01-31 --format json").stdout)
    #expect((before["totals"] as? [String: Any])?["value_at_cost"] as? String == "704000.00")
    #expect((after["totals"] as? [String: Any])?["value_at_cost"] as? String == "896000.00")
    let refused = try cli.run(CLIHarness.words("token cost NOPE 1.00 --date 2027-01-01"))
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("NOPE"), "\(refused.stderr)")
  }

  /// `token add --cost-per-unit` records the cost with the token (dated today, so it applies
  /// before too).
  @Test func tokenAddTakesACost() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    let added = try cli.sh(
      "token add GPU --issuer Provider --unit GPU-hour --peg 3 --cost-per-unit 1.25"
    ).stdout
    #expect(added.contains("cost 1.25 per unit"), "\(added)")
  }
}
