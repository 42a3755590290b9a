import CapstanDocuments
import CapstanEngine
import CapstanModel
import CapstanScenarios
import Foundation

/// The demo deals the golden files are rendered from: the scenario files in Fixtures/.
enum DemoDeals {
  /// The repository root (this file is Tests/CapstanDocumentsTests/Support/DemoDeals.swift).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The round-modelling issue's Series A: two post-money SAFEs, 12 % pool target.
  static func seriesA() throws -> TermSheetDeal {
    let path = root.appendingPathComponent("Fixtures/scenarios/series-a-worked-example.yaml").path
    return try TermSheetDeal.scenario(ScenarioReader.read(path: path), round: nil)
  }

  /// The compute-token issue's Seed: ComputeCo's 1,500,000 H100H tokens at $2.00 over 24
  /// months with a 6-month cliff, shares released in step (from the scenario's
  /// `invest-tokens`), and here a 50 % price-volatility top-up.
  static func seedCompute(volatility: Bool = true) throws -> TermSheetDeal {
    let path = root.appendingPathComponent("Fixtures/scenarios/seed-compute-example.yaml").path
    var deal = try TermSheetDeal.scenario(ScenarioReader.read(path: path), round: "Seed")
    if volatility {
      let provision = ComputeEquityTerms.PriceVolatility(
        threshold: Ratio(1, 2), measurement: "the 30-day average market price",
        remedy:
          "delivers top-up Tokens so that the Tokens still to be delivered are worth their agreed value at that price"
      )
      deal.compute?.priceVolatility = provision
      for index in deal.tokenLegs.indices { deal.tokenLegs[index].priceVolatility = provision }
    }
    return deal
  }

  /// A Seed paid in cash and by two token investors (no pool target, so the price is plain):
  /// founders 9,000,000 and a 1,000,000 pool, pre-money $18M, so $18,000,000 ÷ 10,000,000 =
  /// $1.80 a share; Lead $3M cash and ComputeCo 1,500,000 H100H at $2.00 ($3M) buy
  /// floor(3,000,000 ÷ 1.80) = 1,666,666 each, GridCo 400,000 GRD at $2.50 ($1M) buys
  /// floor(1,000,000 ÷ 1.80) = 555,555; post-money 10,000,000 + 2 × 1,666,666 + 555,555 =
  /// 13,888,887.
  static func twoTokenInvestors() throws -> TermSheetDeal {
    let text = """
      company: {name: Two Clouds Inc, currency: USD, incorporated: 2025-01-01}
      holdings:
        - holder: Founders
          shares: 9,000,000
      pool: 1,000,000
      tokens:
        - {symbol: H100H, issuer: ComputeCo, unit: H100-hour, units-per-token: 1, peg: 2.50}
        - {symbol: GRD, issuer: GridCo, unit: B200-hour, units-per-token: 2, peg: 3.00}
      events:
        - round:
            name: Seed
            date: 2026-06-01
            pre-money: 18M
            invest:
              Lead: 3M
            invest-tokens:
              ComputeCo:
                tokens: 1,500,000
                agreed: 2.00
                symbol: H100H
                unlock: 24/6/1
                release: in-step
              GridCo:
                tokens: 400,000
                agreed: 2.50
                symbol: GRD
                unlock: 12/0/3
                release: up-front
      """
    return try TermSheetDeal.scenario(
      ScenarioReader.parse(text, file: "two-token-investors.yaml"), round: nil)
  }

  /// The compute-SAFE of docs/compute-safe.md: Founders 9,000,000 Common; CSAFE-1 to
  /// ComputeCo, 600,000 GPU-hours at $2.50, cap $10,000,000, discount 20 %, SLA suspension; a
  /// breach through March; 80,000 drawn at the end of January, February, April, May and June
  /// and 100,000 in the breach: $1,000,000 accrued. Series A at $2.00, Lead $2,000,000, on
  /// 2026-07-15: CSAFE-1 converts into 1,000,000 shares at the $1.00 cap price.
  static func computeSAFE() throws -> TermSheetDeal {
    var events: [(String, LedgerEvent)] = [
      (
        "2026-01-01",
        .issueStock(
          StockIssuance(
            security: "CS-1", holder: "founders", shareClass: "common", quantity: 9_000_000,
            pricePerShare: Ratio(1, 10_000)))
      ),
      (
        "2026-01-01",
        .issueComputeSAFE(
          ComputeSAFEIssuance(
            security: "CSAFE-1", provider: "computeco", unit: .gpuHours,
            commitment: Ratio(600_000), agreedPrice: Ratio(5, 2),
            windowStart: date("2026-01-01"), windowEnd: date("2026-06-30"),
            valuationCap: Ratio(10_000_000), discount: Ratio(1, 5), slaSuspension: true))
      ),
      (
        "2026-03-01",
        .breachComputeSAFE(ComputeSAFEBreach(security: "CSAFE-1", through: date("2026-03-31")))
      ),
    ]
    for (day, units) in [
      ("2026-01-31", 80_000), ("2026-02-28", 80_000), ("2026-03-31", 100_000),
      ("2026-04-30", 80_000), ("2026-05-31", 80_000), ("2026-06-30", 80_000),
    ] {
      events.append(
        (day, .drawComputeSAFE(ComputeSAFEDraw(security: "CSAFE-1", units: Ratio(units)))))
    }
    let ledger = Ledger(
      company: Company(
        id: "co", name: "Metered Inc", currency: .usd, incorporated: date("2026-01-01")),
      stakeholders: [
        Stakeholder(id: "founders", name: "Founders"),
        Stakeholder(id: "computeco", name: "ComputeCo", kind: .institution),
      ],
      classes: [ShareClass(id: "common", name: "Common", initialAuthorized: 20_000_000)],
      transactions: events.enumerated().map { index, event in
        Transaction(sequence: index + 1, date: date(event.0), event: event.1)
      })
    let terms = RoundTerms(
      valuation: .pricePerShare(Ratio(2)),
      investors: [Investment(investor: "Lead", amount: Ratio(2_000_000))], pool: .none,
      newClass: NewClassTerms(name: "Series A"))
    let closing = date("2026-07-15")
    let round = SavedRound(
      name: "Series A", closing: closing, terms: terms,
      outcome: try terms.model(on: ledger, closing: closing).keyNumbers.stored)
    return try TermSheetDeal.saved(round, ledger: ledger)
  }

  /// `deal` with revenue-share credits from CloudCo granted with it: $500,000 repaid at 5 %
  /// of revenue until 1.5 × $500,000 = $750,000 is paid, the term ending 2028-06-01.
  static func withRevenueShare(_ deal: TermSheetDeal) -> TermSheetDeal {
    var deal = deal
    deal.revenueShares = [
      TermSheetDeal.RevenueShare(
        provider: "CloudCo",
        terms: RevenueShareIssuance(
          security: "RS-1", provider: "cloudco", credits: Ratio(500_000),
          percentage: Ratio(1, 20), capMultiple: Ratio(3, 2), expires: date("2028-06-01")))
    ]
    return deal
  }

  static func date(_ text: String) -> CalendarDate {
    CalendarDate(iso: text) ?? CalendarDate(year: 2000, month: 1, day: 1) ?? .today()
  }

  /// `(template, deal, SAFE)` for every golden file.
  static func cases() throws -> [(
    name: String, template: String, deal: TermSheetDeal, safe: String?
  )] {
    [
      ("series-a.priced-round", "priced-round", try seriesA(), nil),
      ("series-a.post-money-safe", "post-money-safe", try seriesA(), "SAFE-B"),
      ("seed.priced-round", "priced-round", try seedCompute(), nil),
      ("seed.compute-for-equity", "compute-for-equity", try seedCompute(), nil),
      ("metered.compute-safe", "compute-safe", try computeSAFE(), nil),
    ]
  }

  /// The document of a golden case.
  static func document(_ name: String) throws -> TermSheetDocument {
    guard let entry = try cases().first(where: { $0.name == name }) else {
      throw DocumentError.dealMismatch("no case \(name)")
    }
    return try render(entry.template, entry.deal, safe: entry.safe)
  }

  static func render(_ template: String, _ deal: TermSheetDeal, safe: String? = nil) throws
    -> TermSheetDocument
  {
    let template = try BuiltInTemplates.load(template)
    let context = try TermSheetSettings.apply(
      [], to: deal.context(safe: deal.safe(named: safe)), currency: deal.currency,
      template: template, today: CalendarDate(daysSinceEpoch: 20_000))
    return try TermSheetRenderer.document(template, context)
  }
}
