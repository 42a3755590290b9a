import CapstanModel

/// A workspace of many companies in which one investor ("ComputeCo") holds preferred stock and
/// made a compute grant in each: the input of the portfolio report benchmark.
public enum SyntheticPortfolio {
  /// The investor.
  public static let investor = "ComputeCo"

  /// `companies` ledgers with `holders` stakeholders each (the investor, a lead, and common
  /// holders, some with options), and the token market they use.
  public static func make(companies: Int = 1_000, holders: Int = 100) -> (
    ledgers: [Ledger], market: TokenMarket
  ) {
    var random = SplitMix64(seed: 8)
    let computeCo = Stakeholder(id: "computeco", name: investor, kind: .institution)
    let lead = Stakeholder(id: "lead-fund", name: "Lead Fund", kind: .institution)
    let people = (0..<max(0, holders - 2)).map {
      Stakeholder(id: Stakeholder.ID("holder-\($0)"), name: "Holder \($0)")
    }
    let stakeholders = [computeCo, lead] + people
    let token = ComputeToken(
      symbol: "H100H", issuer: computeCo.id, unit: "H100-hour", unitsPerToken: .one,
      peg: Ratio(5, 2))
    let prices = (0..<24).map { month in
      TokenPriceMark(
        symbol: "H100H", date: SyntheticPortfolio.firstOfMonth(2025, 1).adding(months: month),
        price: Ratio(Int64(150 + random.int(in: 0...100)), 100))
    }
    var ledgers: [Ledger] = []
    ledgers.reserveCapacity(companies)
    for index in 0..<companies {
      let incorporated = SyntheticPortfolio.firstOfMonth(2024, 1 + index % 12)
      let company = Company(
        id: Company.ID("company-\(index)"), name: "Company \(index)", currency: .usd,
        incorporated: incorporated)
      let common = ShareClass(id: "common", name: "Common", initialAuthorized: 100_000_000)
      let seed = ShareClass(
        id: "seed", name: "Seed", kind: .preferred, initialAuthorized: 50_000_000,
        originalIssuePrice: Ratio(Int64(50 + index % 150), 100),
        preference: LiquidationPreference())
      let plan = StockPlan(
        id: "plan", name: "Plan", shareClass: "common", initialReserve: 2_000_000,
        adopted: incorporated)
      var transactions: [Transaction] = []
      var sequence = 0
      func add(_ date: CalendarDate, _ event: LedgerEvent) {
        sequence += 1
        transactions.append(Transaction(sequence: sequence, date: date, event: event))
      }
      for (number, person) in people.enumerated() {
        if number % 10 == 9 {
          add(
            incorporated.adding(months: 1),
            .grantOptions(
              OptionGrant(
                security: SecurityID("OP-\(number)"), holder: person.id, plan: "plan",
                quantity: Shares(Int64(random.int(in: 10_000...50_000))), strike: Ratio(1, 10))))
        } else {
          add(
            incorporated,
            .issueStock(
              StockIssuance(
                security: SecurityID("CS-\(number)"), holder: person.id, shareClass: "common",
                quantity: Shares(Int64(random.int(in: 50_000...500_000))),
                pricePerShare: Ratio(1, 1_000))))
        }
      }
      let price = seed.originalIssuePrice ?? .one
      let closing = incorporated.adding(months: 9)
      add(
        closing,
        .issueStock(
          StockIssuance(
            security: "PS-1", holder: lead.id, shareClass: "seed", quantity: 4_000_000,
            pricePerShare: price)))
      let tokens = Int64(random.int(in: 100_000...1_000_000))
      let shares = Shares((Ratio(tokens * 2) / price).floorInt64 ?? 0)
      add(
        closing,
        .issueStock(
          StockIssuance(
            security: "PS-2", holder: computeCo.id, shareClass: "seed", quantity: shares,
            pricePerShare: price)))
      add(
        closing,
        .grantCompute(
          ComputeGrant(
            security: "CG-1", provider: computeCo.id, symbol: "H100H",
            tokens: TokenAmount(tokens), agreedPrice: Ratio(2),
            unlock: .vesting(
              VestingSchedule(start: closing, totalMonths: 36, cliffMonths: 6, frequencyMonths: 1)),
            equity: EquityConsideration(security: "PS-2", shares: shares, release: .upFront))))
      ledgers.append(
        Ledger(
          company: company, stakeholders: stakeholders, classes: [common, seed], plans: [plan],
          transactions: transactions))
    }
    return (ledgers, TokenMarket(tokens: [token], prices: prices))
  }

  /// The first day of a month (2024-01-01 when the month is out of range, which it never is).
  static func firstOfMonth(_ year: Int, _ month: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: 1) ?? CalendarDate(daysSinceEpoch: 19_723)
  }

  /// The report date of the benchmark.
  public static let asOf = CalendarDate(year: 2026, month: 12, day: 31) ?? firstOfMonth(2026, 12)
}
