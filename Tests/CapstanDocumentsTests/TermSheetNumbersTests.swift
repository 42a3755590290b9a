import CapstanDocuments
import CapstanEngine
import CapstanModel
import Testing

/// The numbers on the rendered term sheets, parsed back out of the Markdown, against the
/// issues' worked examples (derived by hand there) and against the engine's result.
@Suite("Term-sheet numbers equal the engine's")
struct TermSheetNumbersTests {
  /// `| a | b | c |` rows whose first cell is `first`.
  func rows(_ markdown: String, first: String) -> [[String]] {
    markdown.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("| ") else { return nil }
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      return cells.first == first ? cells : nil
    }
  }

  func markdown(_ name: String) throws -> String {
    MarkdownWriter.markdown(try DemoDeals.document(name))
  }

  /// Integer value of "1,730,802" or "$3,000,000.00" (cents dropped only when zero).
  func number(_ text: String) -> Ratio? {
    let digits = text.replacingOccurrences(of: "$", with: "").replacingOccurrences(
      of: ",", with: ""
    )
    .replacingOccurrences(of: "*", with: "")
    return try? AmountParser.amount(digits)
  }

  /// Round-modelling issue: price $2.0125, pool increase 1,388,810, SAFE A 658,536 (cap price
  /// $0.759259), SAFE B 878,048 ($1.138889), lead 2,981,366, post-money FD 14,906,760.
  @Test func seriesAPricedRound() throws {
    let text = try markdown("series-a.priced-round")
    let deal = try DemoDeals.seriesA()
    #expect(text.contains("**Price per share.** $2.0125 "))
    #expect(text.contains("increased by 1,388,810 shares"))
    #expect(text.contains("post-money fully diluted capitalization is 14,906,760 shares"))
    #expect(
      text.contains(
        "$500,000.00 converts at $0.759259 per share (set by the valuation cap) into 658,536 shares"
      ))
    #expect(
      text.contains(
        "$1,000,000.00 converts at $1.138889 per share (set by the valuation cap) into 878,048 shares"
      ))
    let lead = rows(text, first: "Lead")
    #expect(lead.first?[2] == "$6,000,000.00" && lead.first?[3] == "2,981,366")
    // Every pro forma row equals the engine's.
    for row in deal.result.proForma.rows {
      let label = row.kind == .pool ? "Unissued option pool" : row.name
      let cells = rows(text, first: label).last
      #expect(cells.flatMap { number($0[3]) } == row.after.ratio, "\(label)")
      #expect(cells?[4] == row.fractionAfter.percentString(places: 2), "\(label)")
    }
    #expect(rows(text, first: "**Total**").first?[3] == "**14,906,760**")
  }

  @Test func seriesASAFE() throws {
    let text = try markdown("series-a.post-money-safe")
    #expect(text.contains("pays $1,000,000.00"))
    #expect(text.contains("cap is **$12,000,000.00**"))
    #expect(text.contains("discount is **20.00%**"))
    #expect(rows(text, first: "Cap price").first?[1] == "$1.138889")
    // Discount price: $2.0125 × 0.8 = $1.61.
    #expect(rows(text, first: "Discount price").first?[1] == "$1.61")
    // SAFE B converts below the round price: into its own sub-series, the second (SAFE A's
    // is Series A-1), priced at its $1.138889 (YC "Safe Preferred Stock").
    #expect(rows(text, first: "Shares of Series A-2 Preferred Stock").first?[1] == "878,048")
    // 878,048 ÷ 14,906,760 = 5.8903…%.
    #expect(rows(text, first: "Post-money fully diluted").first?[1] == "5.89%")
  }

  /// Compute-token issue: price $1.7333, pool increase 384,616, ComputeCo 1,730,802 shares
  /// (12.5002 % → 12.50 %), post-money FD 13,846,220; tokens 1,500,000 × $2.00 = $3,000,000.
  @Test func computeForEquity() throws {
    let text = try markdown("seed.compute-for-equity")
    #expect(text.contains("**1,500,000 Tokens**"))
    #expect(text.contains("**$2.00 per Token**"))
    #expect(text.contains("implied investment of **$3,000,000.00**"))
    #expect(rows(text, first: "Price per share").first?[1] == "$1.7333")
    #expect(rows(text, first: "Shares").first?[1] == "1,730,802")
    #expect(rows(text, first: "Fully diluted ownership").first?[1] == "12.50%")
    #expect(rows(text, first: "Post-money fully diluted shares").first?[1] == "13,846,220")
    #expect(text.contains("falls more than **50.00%**"))
  }

  /// 24 months from 2026-06-01, 6-month cliff, monthly: the cliff on 2026-12-01 delivers
  /// 1,500,000 × 6/24 = 375,000 and releases floor(1,730,802 × 6/24) = 432,700 shares; month 13
  /// (2027-07-01) 812,500 and floor(1,730,802 × 13/24) = 937,517; then 62,500 a month to
  /// 1,500,000 and 1,730,802 on 2028-06-01: 19 deliveries.
  @Test func deliveryTable() throws {
    let text = try markdown("seed.compute-for-equity")
    let table = text.split(separator: "\n").filter { $0.hasPrefix("| 202") }
      .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    #expect(table.count == 19)
    #expect(table.first == ["2026-12-01", "375,000", "375,000", "432,700", "432,700"])
    #expect(
      table.first { $0[0] == "2027-07-01" } == [
        "2027-07-01", "62,500", "812,500", "72,116", "937,517",
      ])
    #expect(table.last?[0] == "2028-06-01")
    #expect(table.last?[2] == "1,500,000" && table.last?[4] == "1,730,802")
    let released = table.compactMap { number($0[3]) }.reduce(Ratio.zero, +)
    #expect(released == Ratio(1_730_802))
  }

  @Test func thePriceVolatilityClauseOnlyWhenTheDealHasOne() throws {
    let with = MarkdownWriter.markdown(try DemoDeals.document("seed.compute-for-equity"))
    let without = MarkdownWriter.markdown(
      try DemoDeals.render("compute-for-equity", DemoDeals.seedCompute(volatility: false)))
    #expect(with.contains("Price Volatility"))
    #expect(!without.contains("Price Volatility"))
  }

  @Test func aProviderThatDoesNotInvestIsRefused() throws {
    var deal = try DemoDeals.seedCompute()
    deal.compute?.provider = "Nobody"
    #expect(throws: DocumentError.self) { try deal.context() }
    deal.compute?.provider = "ComputeCo"
    deal.compute?.tokens = Ratio(1_000_000)
    #expect(throws: DocumentError.self) { try deal.context() }
  }
}

@Suite("Delivery schedule: cumulative floor with a cliff")
struct DeliveryScheduleTests {
  /// The table's tranches are the dates on which the token model's unlock schedule steps up,
  /// by the amounts it unlocks (a second method: `VestingSchedule.vested` day by day).
  @Test(arguments: ["24/6/1", "12/0/3", "36/12/1", "7/2/2"])
  func agreesWithTheTokenUnlockSchedule(_ notation: String) throws {
    let start = DemoDeals.date("2026-01-31")
    let vesting = try VestingSchedule.parse(notation, start: start)
    let total = Shares(1_500_001)
    let schedule = DeliverySchedule(
      start: start, months: vesting.totalMonths, cliffMonths: vesting.cliffMonths,
      frequencyMonths: vesting.frequencyMonths)
    var steps: [(CalendarDate, Ratio)] = []
    var day = start
    var previous = Shares.zero
    while day <= vesting.end.adding(days: 1) {
      let vested = vesting.vested(of: total, asOf: day)
      if vested != previous { steps.append((day, vested.ratio)) }
      previous = vested
      day = day.adding(days: 1)
    }
    let tranches = schedule.tranches(of: total.ratio)
    #expect(tranches.map(\.date) == steps.map(\.0))
    #expect(tranches.map(\.cumulative) == steps.map(\.1))
  }

  /// The scenario's `invest-tokens` becomes the compute deal: tokens, agreed price, the
  /// spot price of the closing date, the 24/6/1 unlock from the closing date, in-step release.
  @Test func scenarioTokenInvestment() throws {
    let compute = try #require(try DemoDeals.seedCompute().compute)
    #expect(compute.provider == "ComputeCo")
    #expect(compute.tokens == Ratio(1_500_000) && compute.agreedTokenPrice == Ratio(2))
    #expect(compute.marketPrice == Ratio(26, 10))
    #expect(compute.token.unit == "H100-hour" && compute.token.gpuType == "H100")
    #expect(
      compute.delivery
        == .schedule(
          DeliverySchedule(start: DemoDeals.date("2026-06-01"), months: 24, cliffMonths: 6)))
    #expect(compute.equityRelease == .inStepWithDelivery)
    #expect(compute.expiry == DemoDeals.date("2029-06-01"))
  }

  @Test func quarterlyWithoutCliff() {
    // 1,000 over 12 months quarterly: floor(1000 × 3/12) = 250 at each quarter.
    let schedule = DeliverySchedule(
      start: DemoDeals.date("2026-01-31"), months: 12, cliffMonths: 0, frequencyMonths: 3)
    let tranches = schedule.tranches(of: Ratio(1_000))
    #expect(tranches.map(\.cumulative) == [250, 500, 750, 1_000].map { Ratio($0) })
    // A start on the 31st delivers on the last day of shorter months.
    #expect(tranches.first?.date == DemoDeals.date("2026-04-30"))
  }

  @Test func unevenAmountsFloorAndEndExact() {
    // 10 over 3 months: floor(10/3) = 3, floor(20/3) = 6, 10.
    let tranches = DeliverySchedule(start: DemoDeals.date("2026-01-01"), months: 3)
      .tranches(of: Ratio(10))
    #expect(tranches.map(\.delivered) == [3, 3, 4].map { Ratio($0) })
  }
}

@Suite("Compute deliveries other than a schedule")
struct ComputeDeliveryKindTests {
  func rows(_ delivery: ComputeEquityTerms.Delivery, release: ComputeEquityTerms.EquityRelease)
    throws -> [[String]]
  {
    var deal = try DemoDeals.seedCompute(volatility: false)
    deal.compute?.delivery = delivery
    deal.compute?.equityRelease = release
    let markdown = MarkdownWriter.markdown(try DemoDeals.render("compute-for-equity", deal))
    return markdown.split(separator: "\n")
      .filter { $0.hasPrefix("| 20") || $0.hasPrefix("| at ") }
      .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
  }

  /// Everything at closing, shares up front: one row, all 1,500,000 tokens, all 1,730,802
  /// shares issued at closing (none released by delivery).
  @Test func atClosingUpFront() throws {
    let table = try rows(.atClosing(DemoDeals.date("2026-06-01")), release: .atClosing)
    #expect(table == [["2026-06-01", "1,500,000", "1,500,000", "0", "1,730,802"]])
  }

  /// Price-gated, in step: tranches by rising target; 500,000 at $2.50 releases
  /// floor(1,730,802 × 500,000 ÷ 1,500,000) = 576,934 shares, then all at $3.00.
  @Test func priceGatedInStep() throws {
    let table = try rows(
      .priceGated(
        start: DemoDeals.date("2026-06-01"),
        tranches: [
          .init(tokens: Ratio(1_000_000), target: Ratio(3)),
          .init(tokens: Ratio(500_000), target: Ratio(5, 2)),
        ], end: DemoDeals.date("2028-06-01")), release: .inStepWithDelivery)
    #expect(
      table == [
        ["at $2.50 (by 2028-06-01)", "500,000", "500,000", "576,934", "576,934"],
        ["at $3.00 (by 2028-06-01)", "1,000,000", "1,500,000", "1,153,868", "1,730,802"],
      ])
  }
}
