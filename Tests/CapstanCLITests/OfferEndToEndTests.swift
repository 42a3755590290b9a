import Foundation
import Testing

/// Issue 18's example through `offer add`, `compare A B`, `tokens stress --offer A` and
/// `round save --from-offer`.
@Suite struct OfferEndToEndTests {
  /// Founders 8,000,000 common; a 1,000,000-share plan with 400,000 options granted; a
  /// $750,000 post-money SAFE at an $8,000,000 cap; offers A ($4M cash + 1,500,000 tokens at
  /// $2.00, unlocking 24/6/1, released in step) and B ($7M cash), both at $23M pre-money with
  /// a 10 % pool target, closing 2026-06-01.
  static func seed(_ cli: CLIHarness) throws {
    for line in [
      "init", "company add Acme --incorporated 2026-01-01",
      "class add Common --authorized 30M", "stakeholder add Founders",
      "issue Founders 8M Common --price 0.0001 --date 2026-01-01",
      "plan add Plan --class Common --reserve 1M", "stakeholder add Employee",
      "grant Employee 400,000 --plan Plan --strike 0.10 --date 2026-01-15",
      "token add H100H --issuer ComputeCo --unit H100-hour --units-per-token 1 --peg 2.50",
      "stakeholder add Angel", "safe add Angel 750k --cap 8M --date 2026-02-01",
      "offer add A --pre-money 23M --invest Lead=4M "
        + "--invest-tokens ComputeCo=1,500,000@2.00xH100H --pool-target 10% "
        + "--token-unlock 24/6/1 --token-release in-step --date 2026-06-01",
      "offer add B --pre-money 23M --invest Lead=7M --pool-target 10% --date 2026-06-01",
    ] {
      try cli.sh(line)
    }
  }

  /// The round engine's figures for A (docs/round-modelling.md; the issue quotes them):
  /// fully diluted before the round F = 8,000,000 + 400,000 + 600,000 = 9,000,000. The SAFE's
  /// cap price is 8,000,000 ÷ 9,931,034 (its own shares count in the post-money safe's
  /// capitalization) = $0.805556, so 750,000 ÷ 0.805556 ⇒ 931,034 shares. New money $7M
  /// (4,000,000 cash + 1,500,000 × 2.00 in tokens) on $23M pre ⇒ 7/30 of the post; the pool
  /// must be 10 % of post FD: price = 23,000,000 ÷ (9,000,000 + 931,034 + pool increase) and
  /// post FD = pre FD × 30/23. Solving gives the increase 799,656 (1,399,656 unissued =
  /// 10.0000 % of 13,996,528), the price 23,000,000 ÷ 10,730,690 = $2.143385 → $2.1434, the
  /// lead ⌊4,000,000 ÷ 2.1434⌋ = 1,866,193 and ComputeCo ⌊3,000,000 ÷ 2.1434⌋ = 1,399,645
  /// (not 1,000,000 as on the table without the SAFE and the pool), post FD 9,000,000 +
  /// 931,034 + 799,656 + 1,866,193 + 1,399,645 = 13,996,528.
  @Test func compareAandB() throws {
    let cli = try CLIHarness()
    try Self.seed(cli)
    let list = try cli.sh("offer list --format csv").stdout
    #expect(list.contains("A,2026-06-01,2.1434,4000000.00,3000000.00,"), "\(list)")
    // CSV and JSON carry plain numbers (no currency sign, no grouping, percent as a number);
    // the text keeps them formatted.
    let csv = try cli.sh("compare A B --format csv").stdout
    #expect(csv.contains("price_per_share,2.1434,2.1434\n"), "\(csv)")
    // B's lead alone buys ⌊7,000,000 ÷ 2.1434⌋ = ⌊3,265,839.3⌋ = 3,265,839, one share more
    // than A's two investors' floors (1,866,193 + 1,399,645 = 3,265,838): 13,996,529.
    #expect(csv.contains("post_money_fully_diluted,13996528,13996529\n"))
    #expect(csv.contains("pool_increase,799656,799656\n"))
    #expect(csv.contains("conversion_shares,931034,931034\n"))
    #expect(csv.contains("cash,4000000.00,7000000.00\n"))
    #expect(csv.contains("provider:ComputeCo:shares,1399645,\n"))
    // Lead: 1,866,193 ÷ 13,996,528 = 13.333 % and 3,265,839 ÷ 13,996,529 = 23.333 %.
    #expect(csv.contains("holder:new:Lead,1866193,3265839\n"), "\(csv)")
    #expect(csv.contains("holder:new:Lead:percent,13.33,23.33\n"), "\(csv)")
    // Founders: 8,000,000 ÷ 13,996,528 = 57.16 % after either offer.
    #expect(csv.contains("holder:founders,8000000,8000000\n"))
    #expect(csv.contains("holder:founders:percent,57.16,57.16\n"))
    #expect(!csv.contains("$") && !csv.contains("%"), "\(csv)")
    // H100H has a peg ($2.50) and no market price: A's tokens are valued at the peg and say
    // so (B has no tokens).
    #expect(csv.contains("token_price_source,H100H=peg,\n"), "\(csv)")
    let json = try cli.sh("compare A B --format json").stdout
    #expect(json.contains("\"price_per_share\": \"2.1434\""), "\(json)")
    #expect(json.contains("\"source\": \"peg\""), "\(json)")
    let text = try cli.sh("compare A B").stdout
    #expect(text.contains("$2.1434"))
    #expect(text.contains("8,000,000 (57.16%)"))
    #expect(
      text.contains(
        "A: H100H at $2.50: no market price recorded on or before 2026-06-01; valued at its "
          + "peg"), "\(text)")
  }

  /// `tokens stress --offer A` before anything is closed: every token is locked for six
  /// months, so compute is bought with cash, 180,000 + 60,000 × 2.50 = 330,000 a month;
  /// 1,200,000 lasts 3 months with 210,000 left ⇒ 3 + 7/11 = 3.64 months, selling the same
  /// (no locked token is sold), where the closed form said 6.7.
  @Test func stressAnOfferBeforeClosing() throws {
    let cli = try CLIHarness()
    try Self.seed(cli)
    let options = "--cash 1,200,000 --cash-burn 180,000 --gpu-hours 60,000 --gpu-hour-price 2.50"
    let csv = try cli.sh("tokens stress --offer A \(options) --format csv").stdout
    #expect(csv.contains(",3.64,3.64,H100H=peg\n"), "\(csv)")
    let text = try cli.sh("tokens stress --offer A \(options)").stdout
    #expect(text.contains("offer A's compute tokens (not closed) under stress"))
    #expect(text.contains("runway 3.64 months"))
    // No market price for H100H on the closing: the peg stands in, and the report says so.
    #expect(
      text.contains(
        "Base price of H100H: $2.50, no market price recorded on or before 2026-06-01; "
          + "valued at its peg."), "\(text)")
    // Nothing was written: the ledger holds no Series A.
    #expect(!(try cli.sh("ledger").stdout.contains("Series A")))
  }

  /// `round save --from-offer A` keeps A's terms and closing; `round close` then records the
  /// provider's 1,399,645 shares and its compute grant. `offer remove` drops B only.
  @Test func fromOfferToTheLedger() throws {
    let cli = try CLIHarness()
    try Self.seed(cli)
    let saved = try cli.sh("round save --from-offer A").stdout
    #expect(saved.contains("Saved round A (closing 2026-06-01): price $2.1434"))
    try cli.sh("round close A")
    let tokens = try cli.sh("tokens --as-of 2026-06-01 --format csv").stdout
    #expect(tokens.contains("CG-1,ComputeCo,H100H,1500000,0,1500000,0,"), "\(tokens)")
    #expect(tokens.contains(",1399645,0,"), "\(tokens)")
    try cli.sh("offer remove b")
    #expect(try cli.sh("offer list").stdout.contains("A "))
    let refused = try cli.run(["offer", "show", "B"])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("no offer named 'B'"), "\(refused.stderr)")
  }

  /// `report company --offer A` before closing: the report as if A had closed, with its runway
  /// counting the offer's $4,000,000 with the $1,200,000 given. Redeeming: months 1-6 cost
  /// 330,000 each (5,200,000 − 1,980,000 = 3,220,000 left), then the unlocked tokens cover the
  /// compute and 180,000 a month goes: 6 + 3,220,000/180,000 = 215/9 = 23.8889. Selling at
  /// the $2.50 peg: month 7 sells the cliff's 375,000 (937,500; 3,827,500 left after the
  /// month), months 8-25 sell 62,500 each (156,250 against 330,000: −173,750 a month, 18
  /// months, 700,000 left), then 330,000 a month: 25 + 70/33 = 895/33 = 27.1212.
  @Test func companyReportWithAnOffer() throws {
    let cli = try CLIHarness()
    try Self.seed(cli)
    let json = try cli.sh(
      "report company --offer A --cash 1.2M --cash-burn 180k --gpu-hours 60,000 "
        + "--gpu-hour-price 2.50 --format json"
    ).stdout
    #expect(json.contains("\"runway_months\": \"23.8889\""), "\(json)")
    #expect(json.contains("\"runway_if_sold_months\": \"27.1212\""))
    // The report's tables are as if A had closed: ComputeCo holds its 1,399,645 shares.
    #expect(json.contains("1399645"))
    // H100H has no market price: the section says its base price is the peg.
    #expect(json.contains("\"token_price_source:H100H\": \"peg\""), "\(json)")
    // ... and the JSON carries the note the text shows: the token, its base price (the $2.50
    // peg), where it comes from and why.
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let offer = try #require(report["offer"] as? [String: Any])
    let prices = try #require(offer["token_prices"] as? [[String: Any]])
    #expect(prices.count == 1)
    #expect(prices.first?["symbol"] as? String == "H100H")
    #expect(prices.first?["source"] as? String == "peg")
    #expect(
      prices.first?["reason"] as? String
        == "no market price recorded on or before 2026-06-01; valued at its peg")
    #expect(prices.first?["price"] as? String == "2.500000", "\(prices)")
    let text = try cli.sh(
      "report company --offer A --cash 1.2M --cash-burn 180k --gpu-hours 60,000 "
        + "--gpu-hour-price 2.50"
    ).stdout
    #expect(text.contains("The base price of H100H is $2.50: no market price"), "\(text)")
    let html = try cli.sh(
      "report company --offer A --cash 1.2M --cash-burn 180k --gpu-hours 60,000 --format html"
    ).stdout
    #expect(html.contains("Cash at the start of each month"))
  }

  /// A price path drives the sale price month by month. $3,000,000 cash (same burn and
  /// compute): months 1-6 cost 330,000 each, 1,020,000 left. Redeeming: the unlocked tokens
  /// then cover the compute, 6 + 1,020,000/180,000 = 35/3 = 11.67 in every row. Selling at the
  /// $2.50 peg (no price recorded): month 7 sells 375,000 for 937,500 (1,627,500 left after
  /// it), then 62,500 a month for 156,250 against 330,000: month 17 starts with 1,627,500 − 9 ×
  /// 173,750 = 63,750, + 156,250 = 220,000 ⇒ 16 + 2/3 = 16.67. Along a path at $1.00 from
  /// 2026-12-01: month 7 sells 375,000 for 375,000 (1,065,000 left), then 62,500 a month
  /// against 330,000: month 11 starts with 1,065,000 − 3 × 267,500 = 262,500, + 62,500 =
  /// 325,000 ⇒ 10 + 65/66 = 10.98.
  @Test func aPricePathDrivesTheSales() throws {
    let cli = try CLIHarness()
    try Self.seed(cli)
    let path = cli.folder.appendingPathComponent("path.csv")
    try "date,price\n2026-12-01,1.00\n".write(to: path, atomically: true, encoding: .utf8)
    let csv = try cli.sh(
      "tokens stress --offer A --cash 3M --cash-burn 180k --gpu-hours 60,000 "
        + "--gpu-hour-price 2.50 --path \(path.path) --format csv"
    ).stdout
    #expect(csv.contains("market,2026-06-01,H100H=2.50,1500000,"), "\(csv)")
    #expect(csv.contains(",11.67,16.67,H100H=peg\n"), "\(csv)")
    #expect(csv.contains("2026-12-01,2026-12-01,H100H=1.00,1500000,"), "\(csv)")
    #expect(csv.contains(",11.67,10.98,H100H=peg\n"), "\(csv)")
  }
}
