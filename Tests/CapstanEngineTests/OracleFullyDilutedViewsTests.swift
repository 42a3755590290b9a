import CapstanEngine
import CapstanModel
import Testing

/// Every view of one random cap table counts the same fully diluted total: the ownership view,
/// the round engine's pre-round capitalization, and the waterfall's capitalization (stock as
/// converted, options and warrants outstanding) plus the unissued pool.
@Suite struct OracleFullyDilutedViewsTests {
  /// A random ledger: founders' common, one or two preferred series held by one to three funds
  /// (conversion prices moved below the issue price, so "as converted" has fractions), a plan
  /// with grants, and sometimes a warrant on common.
  static func table(_ rng: inout SplitMix64) throws -> CapTable {
    let start = CalendarDate(daysSinceEpoch: 19_000)
    var classes = [ShareClass(id: "common", name: "Common", initialAuthorized: 1_000_000_000)]
    var stakeholders = [Stakeholder(id: "founders", name: "Founders")]
    var transactions: [Transaction] = []
    func add(_ event: LedgerEvent) {
      transactions.append(
        Transaction(sequence: transactions.count + 1, date: start, event: event))
    }
    add(
      .issueStock(
        StockIssuance(
          security: "CS-1", holder: "founders", shareClass: "common",
          quantity: Shares(rng.int(1_000_000...10_000_000)), pricePerShare: Ratio(1, 10_000))))
    for series in 1...Int(rng.int(1...2)) {
      let price = Ratio(rng.int(5_000...50_000), 10_000)
      let conversionPrice = (price * Ratio(rng.int(60...100), 100)).rounded(places: 4, .halfUp)
      let id = ShareClass.ID("series-\(series)")
      classes.append(
        ShareClass(
          id: id, name: "Series \(series)", kind: .preferred, initialAuthorized: 100_000_000,
          originalIssuePrice: price, conversionPrice: conversionPrice))
      for fund in 1...Int(rng.int(1...3)) {
        let holder = Stakeholder.ID("fund-\(series)-\(fund)")
        stakeholders.append(Stakeholder(id: holder, name: "Fund \(series)-\(fund)"))
        add(
          .issueStock(
            StockIssuance(
              security: SecurityID("PS-\(series)-\(fund)"), holder: holder, shareClass: id,
              quantity: Shares(rng.int(1...2_000_000)), pricePerShare: price)))
      }
    }
    let reserve = rng.int(0...3_000_000)
    let plan = StockPlan(
      id: "plan", name: "Plan", shareClass: "common", initialReserve: Shares(reserve),
      adopted: start)
    for grant in 0..<Int(rng.int(0...3)) where reserve > 10 {
      let holder = Stakeholder.ID("employee-\(grant)")
      stakeholders.append(Stakeholder(id: holder, name: "Employee \(grant)"))
      add(
        .grantOptions(
          OptionGrant(
            security: SecurityID("OP-\(grant)"), holder: holder, plan: "plan",
            quantity: Shares(rng.int(1...reserve / 4)), strike: Ratio(1, 10))))
    }
    if rng.chance(1, in: 2) {
      stakeholders.append(Stakeholder(id: "lender", name: "Lender"))
      add(
        .issueWarrant(
          WarrantIssuance(
            security: "W-1", holder: "lender", shareClass: "common",
            quantity: Shares(rng.int(1...500_000)), strike: Ratio(1, 2))))
    }
    let ledger = Ledger(
      company: Company(id: "co", name: "Co", currency: .usd, incorporated: start),
      stakeholders: stakeholders, classes: classes, plans: [plan], transactions: transactions)
    return try ledger.replay(asOf: start.adding(days: 1))
  }

  /// The three totals of one table, or the failure to build it.
  static func totals(_ seed: UInt64) -> (ownership: Ratio, round: Ratio, waterfall: Ratio)? {
    var rng = SplitMix64(seed: seed)
    guard let table = try? table(&rng) else { return nil }
    let ownership = OwnershipView(table, basis: .fullyDiluted, grouping: .holder).total.ratio
    let round = PreRoundCapitalization(table).fullyDiluted
    let capitalization = WaterfallCapitalization(table)
    guard let compiled = try? Waterfall(capitalization) else { return nil }
    var waterfall = compiled.stockAsConverted
    waterfall += Ratio.sum(capitalization.options.map(\.outstanding.ratio))
    waterfall += Ratio.sum(table.plans.values.map(\.available.ratio))
    return (ownership, round, waterfall)
  }

  /// The ownership view and the round engine agree today.
  @Test func ownershipAndRoundAgree() {
    OracleRoundPropertyTests.run(standard: 100) { seed in
      guard let totals = Self.totals(seed) else { return "the random ledger did not replay" }
      guard totals.ownership == totals.round else {
        return "ownership \(totals.ownership.fractionString), round \(totals.round.fractionString)"
      }
      return nil
    }
  }

  /// The waterfall counts "as converted" per holder and class, as the ownership view does.
  @Test func waterfallAgrees() {
    OracleRoundPropertyTests.run(standard: 100) { seed in
      guard let totals = Self.totals(seed) else { return "the random ledger did not replay" }
      guard totals.ownership == totals.waterfall else {
        return "ownership \(totals.ownership.fractionString), waterfall "
          + totals.waterfall.fractionString
      }
      return nil
    }
  }
}
