import CapstanEngine
import CapstanModel
import Testing

/// One capitalization, counted once, read by every view.
///
/// The table: Founders 10 common; Series A at $1.50 with a conversion price of $1.00 (ratio
/// 3/2), Fund X 3 shares and Fund Y 3 shares; a plan of 7 shares with 2 options granted to an
/// employee. Per holder, 3 × 3/2 = 4.5 floors to 4 (per class, 6 × 3/2 = 9 would count one
/// share more): stock as converted 10 + 4 + 4 = 18, rights 2, pool 7 − 2 = 5, fully diluted 25.
@Suite struct CompanyCapitalizationTests {
  static func table(fundY: String = "Fund Y") throws -> CapTable {
    let start = CalendarDate(daysSinceEpoch: 19_000)
    let classes = [
      ShareClass(id: "common", name: "Common", initialAuthorized: 1_000),
      ShareClass(
        id: "a", name: "Series A", kind: .preferred, initialAuthorized: 1_000,
        originalIssuePrice: Ratio(3, 2), conversionPrice: .one),
    ]
    let stakeholders = [
      Stakeholder(id: "f", name: "Founders"), Stakeholder(id: "x", name: "Fund X"),
      Stakeholder(id: "y", name: fundY), Stakeholder(id: "e", name: "Employee"),
    ]
    let plan = StockPlan(
      id: "plan", name: "Plan", shareClass: "common", initialReserve: Shares(7), adopted: start)
    let events: [LedgerEvent] = [
      .issueStock(
        StockIssuance(
          security: "CS-1", holder: "f", shareClass: "common", quantity: Shares(10),
          pricePerShare: Ratio(1, 100))),
      .issueStock(
        StockIssuance(
          security: "PS-1", holder: "x", shareClass: "a", quantity: Shares(3),
          pricePerShare: Ratio(3, 2))),
      .issueStock(
        StockIssuance(
          security: "PS-2", holder: "y", shareClass: "a", quantity: Shares(3),
          pricePerShare: Ratio(3, 2))),
      .grantOptions(
        OptionGrant(
          security: "OP-1", holder: "e", plan: "plan", quantity: Shares(2), strike: Ratio(1, 10))),
    ]
    let transactions = events.enumerated().map {
      Transaction(sequence: $0.offset + 1, date: start, event: $0.element)
    }
    let ledger = Ledger(
      company: Company(id: "co", name: "Co", currency: .usd, incorporated: start),
      stakeholders: stakeholders, classes: classes, plans: [plan], transactions: transactions)
    return try ledger.replay(asOf: start.adding(days: 1))
  }

  @Test func countsAsConvertedPerHolder() throws {
    let capitalization = CompanyCapitalization(try Self.table())
    #expect(capitalization.stockByHolder["x"] == Shares(4))
    #expect(capitalization.stockByHolder["y"] == Shares(4))
    #expect(capitalization.stockAsConverted == Ratio(18))
    #expect(capitalization.rightsOutstanding == Ratio(2))
    #expect(capitalization.poolAvailable == Ratio(5))
    #expect(capitalization.fullyDiluted == Ratio(25))
    // Votes: one per share as converted: 10 + 4 + 4.
    #expect(capitalization.votesByHolder["x"] == Ratio(4))
    #expect(capitalization.totalVotes == Ratio(18))
  }

  @Test func everyViewCountsTheSameFullyDilutedTotal() throws {
    let table = try Self.table()
    #expect(OwnershipView(table, basis: .fullyDiluted, grouping: .holder).total == Shares(25))
    #expect(OwnershipView(table, basis: .fullyDiluted, grouping: .shareClass).total == Shares(25))
    #expect(PreRoundCapitalization(table).fullyDiluted == Ratio(25))
    let waterfall = try Waterfall(WaterfallCapitalization(table))
    #expect(waterfall.stockAsConverted == Ratio(18))
  }

  /// A $100 exit, options excluded: Series A's preference is 6 × $1.50 = $9, its as-converted
  /// shares 8, so it converts when c > 9 ÷ 8; converting, c = 100 ÷ (10 + 8) = 50/9. Fund X and
  /// Fund Y each 4 × 50/9 = 200/9, Founders 10 × 50/9 = 500/9 (total 900/9 = 100).
  @Test func waterfallPaysAsConvertedPerHolder() throws {
    let waterfall = try Waterfall(WaterfallCapitalization(try Self.table()), options: .exclude)
    let distribution = try waterfall.distribution(at: Ratio(100))
    #expect(distribution.commonPerShare == Ratio(50, 9))
    #expect(distribution.payout(of: "x")?.payout == Ratio(200, 9))
    #expect(distribution.payout(of: "y")?.payout == Ratio(200, 9))
    #expect(distribution.payout(of: "f")?.payout == Ratio(500, 9))
  }

  /// Two stakeholders named alike stay two holders in the round engine (keyed by id; the id is
  /// added to the shared name for display), each with its own 4 shares as converted.
  @Test func holdersWithOneNameStayApart() throws {
    let capitalization = PreRoundCapitalization(try Self.table(fundY: "Fund X"))
    let funds = capitalization.holdings.filter { $0.name.hasPrefix("Fund X") }
    #expect(funds.map(\.name).sorted() == ["Fund X (x)", "Fund X (y)"])
    #expect(funds.map(\.stock) == [Shares(4), Shares(4)])
    #expect(capitalization.fullyDiluted == Ratio(25))
  }
}
