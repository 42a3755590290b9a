import CapstanEngine
import CapstanModel

/// An investor's (or a compute provider's) view over every company of a workspace where it
/// holds something: holdings, marks, compute exposure, concentration, control flags, the
/// compute liability ahead and a stress table of token price shocks.
public enum PortfolioReport {
  /// One company of the workspace: its ledger and its control records.
  public struct Input: Sendable {
    /// The company's ledger.
    public var ledger: Ledger
    /// Its board seats, provisions and compute use.
    public var records: [ControlRecord]

    /// An input.
    public init(ledger: Ledger, records: [ControlRecord] = []) {
      self.ledger = ledger
      self.records = records
    }
  }

  /// One point of a token price path (from CSV).
  public struct PricePoint: Sendable, Hashable {
    /// The date.
    public var date: CalendarDate
    /// The token's market price then.
    public var price: Ratio

    /// A point.
    public init(date: CalendarDate, price: Ratio) {
      self.date = date
      self.price = price
    }
  }

  /// The token price shocks of the stress table: −25 %, −50 %, −90 %.
  public static let shocks = [Ratio(-1, 4), Ratio(-1, 2), Ratio(-9, 10)]

  /// The holdings of `investor` in every company where it holds something, as of `date`.
  public static func holdings(
    investor: String, companies: [Input], asOf date: CalendarDate, compute: any ComputeSource
  ) throws -> [PortfolioHolding] {
    var holdings: [PortfolioHolding] = []
    for input in companies where input.ledger.company.incorporated <= date {
      let table = try input.ledger.replay(asOf: date)
      let exposures = try compute.exposures(of: input.ledger.company.id, asOf: date)
      if let holding = try PortfolioHolding.make(
        investor: investor, ledger: input.ledger, table: table, compute: exposures,
        records: input.records)
      {
        holdings.append(holding)
      }
    }
    return holdings.sorted { $0.company < $1.company }
  }

  /// Builds the report.
  ///
  /// - Parameters:
  ///   - currency: the currency of the totals (every company is expected to report in it).
  ///   - pricePath: token prices on dates, for the stress table's path rows and chart.
  ///   - thresholds: the flags' thresholds (`--settings`), by default `PortfolioThresholds()`.
  public static func build(
    investor: String, companies: [Input], asOf date: CalendarDate, currency: Currency,
    compute: any ComputeSource = NoComputeSource(), pricePath: [PricePoint] = [],
    thresholds: PortfolioThresholds = PortfolioThresholds()
  ) throws -> ReportDocument {
    let holdings = segmentSeats(
      try holdings(investor: investor, companies: companies, asOf: date, compute: compute),
      thresholds: thresholds)
    var sections: [ReportSection] = []
    sections.append(holdingsSection(holdings))
    sections.append(computeSection(holdings))
    sections.append(totalsSection(holdings, thresholds: thresholds))
    sections.append(concentrationSection(holdings, currency: currency))
    sections.append(controlSection(holdings, thresholds: thresholds))
    sections.append(ftcSection(holdings, thresholds: thresholds))
    sections.append(
      try liabilitySection(
        investor: investor, holdings: holdings, companies: companies, asOf: date,
        compute: compute, currency: currency))
    sections.append(stressSection(holdings, pricePath: pricePath, currency: currency))
    var document = ReportDocument(
      kind: "portfolio", title: "\(investor): portfolio report", asOf: date, currency: currency,
      sections: sections)
    document.laterEntries = LaterEntries.combined(companies.map(\.ledger), after: date)
    return document
  }

  /// Why a company's MOIC shows "-" when the investor holds no equity there.
  static let noEquityNote =
    "MOIC \"-\": compute granted with no equity has no multiple (nothing to mark against its "
    + "cost); the total MOIC counts only the companies where equity is held."
  /// How FD % counts SAFEs and notes (said under the tables that show it).
  static let estimateNote =
    "FD % counts the SAFEs and notes outstanding in a company as the shares they would convert "
    + "into, estimated at their caps (capstan table --basis fully-diluted-with-convertibles); "
    + "FD est. says where that estimate is included."

  static func holdingsSection(_ holdings: [PortfolioHolding]) -> ReportSection {
    var table = ReportTable(
      key: "companies",
      columns: [
        .init("company", "Company"), .init("securities", "Securities held"),
        .init("fully_diluted_pct", "FD %"), .init("fd_estimated", "FD est."),
        .init("voting_pct", "Votes %"), .init("cost_cash", "Cost: cash"),
        .init("cost_tokens", "Cost: tokens"),
        .init("cost", "Cost"), .init("mark", "Mark"), .init("moic", "MOIC"),
        .init("unrealised_gain", "Unrealised gain"), .init("mark_note", "Mark price"),
      ])
    for holding in holdings {
      table.rows.append([
        .text(holding.company), .text(holding.securities), .percent(holding.fullyDiluted),
        .flag(holding.fullyDilutedEstimated), .percent(holding.voting), .money(holding.costCash),
        .money(holding.costTokens),
        .money(holding.cost), .money(holding.mark), holding.moic.map { .multiple($0) } ?? .none,
        .money(holding.unrealisedGain), .text(holding.markNote),
      ])
    }
    let totals = Totals(holdings)
    table.totals = [
      .text("Total"), .text(""), .none, .none, .none, .money(totals.costCash),
      .money(totals.costTokens),
      .money(totals.cost), .money(totals.mark), totals.moic.map { .multiple($0) } ?? .none,
      .money(totals.mark - totals.cost), .text(""),
    ]
    return ReportSection(
      key: "holdings", title: "Holdings", tables: [table],
      notes: [
        "Mark = shares as converted × the last round price per common share; options and "
          + "warrants at their spread over the strike; SAFEs and notes at cost. "
          + "Cost: tokens = tokens granted × the agreed price; cost: cash = the cost basis of the "
          + "securities not paid in tokens. " + PortfolioReport.estimateNote
      ] + (holdings.contains { !$0.holdsEquity } ? [PortfolioReport.noEquityNote] : []))
  }

  static func computeSection(_ holdings: [PortfolioHolding]) -> ReportSection {
    var table = ReportTable(
      key: "grants",
      columns: [
        .init("company", "Company"), .init("grant", "Grant"), .init("token", "Token"),
        .init("granted", "Granted"), .init("unlocked", "Unlocked"), .init("locked", "Locked"),
        .init("redeemed", "Redeemed"), .init("gpu_hours_owed", "GPU-h owed"),
        .init("peg", "Peg"), .init("value_at_peg", "Owed at peg"),
        .init("market_price", "Market"), .init("value_at_market", "Owed at market"),
      ])
    for holding in holdings {
      for grant in holding.compute {
        table.rows.append([
          .text(holding.company), .text(grant.grant), .text(grant.token),
          .quantity(grant.granted), .quantity(grant.unlocked), .quantity(grant.locked),
          .quantity(grant.redeemed), .quantity(grant.gpuHoursOwed), .price(grant.peg),
          .money(grant.valueAtPeg), .price(grant.marketPrice), .money(grant.valueAtMarket),
        ])
      }
    }
    let totals = Totals(holdings)
    table.totals = [
      .text("Total"), .text(""), .text(""), .quantity(totals.granted), .quantity(totals.unlocked),
      .quantity(totals.locked), .quantity(totals.redeemed), .quantity(totals.gpuHoursOwed), .none,
      .money(totals.valueAtPeg), .none, .money(totals.valueAtMarket),
    ]
    return ReportSection(
      key: "compute_exposure", title: "Compute exposure", tables: [table],
      notes: [
        "Owed = granted − forfeited (expired, clawed back) − redeemed − sold: tokens the "
          + "company still holds to redeem as GPU-hours, valued at the peg and at the market "
          + "price on the report date."
      ])
  }

  static func totalsSection(
    _ holdings: [PortfolioHolding], thresholds: PortfolioThresholds = PortfolioThresholds()
  ) -> ReportSection {
    let totals = Totals(holdings)
    return ReportSection(
      key: "totals", title: "Totals",
      facts: [
        ReportFact("companies", "Companies", .count(holdings.count)),
        ReportFact("cost_cash", "Cost: cash", .money(totals.costCash)),
        ReportFact("cost_tokens", "Cost: tokens", .money(totals.costTokens)),
        ReportFact("cost", "Cost", .money(totals.cost)),
        ReportFact("mark", "Mark", .money(totals.mark)),
        ReportFact("unrealised_gain", "Unrealised gain", .money(totals.mark - totals.cost)),
        ReportFact("moic", "MOIC", totals.moic.map { .multiple($0) } ?? .none),
        ReportFact("tokens_granted", "Tokens granted", .quantity(totals.granted)),
        ReportFact("tokens_unlocked", "Tokens unlocked", .quantity(totals.unlocked)),
        ReportFact("tokens_locked", "Tokens locked", .quantity(totals.locked)),
        ReportFact("tokens_redeemed", "Tokens redeemed", .quantity(totals.redeemed)),
        ReportFact("gpu_hours_owed", "GPU-hours owed", .quantity(totals.gpuHoursOwed)),
        ReportFact("owed_value_at_peg", "Owed at peg", .money(totals.valueAtPeg)),
        ReportFact("owed_value_at_market", "Owed at market", .money(totals.valueAtMarket)),
        ReportFact(
          "flagged_companies", "Companies flagged (control/dependency)",
          .count(flaggedCount(holdings, thresholds))),
      ])
  }

  /// Companies raising a flag other than `equity-rev-share` (which every holding of
  /// equity raises).
  static func flaggedCount(_ holdings: [PortfolioHolding], _ thresholds: PortfolioThresholds)
    -> Int
  {
    holdings.filter { $0.flags(thresholds).contains { $0 != .equity } }.count
  }

  /// Sums over holdings.
  struct Totals {
    var costCash = Ratio.zero
    var costTokens = Ratio.zero
    var mark = Ratio.zero
    var granted = Ratio.zero
    var unlocked = Ratio.zero
    var locked = Ratio.zero
    var redeemed = Ratio.zero
    var gpuHoursOwed = Ratio.zero
    var valueAtPeg = Ratio.zero
    var valueAtMarket = Ratio.zero

    init(_ holdings: [PortfolioHolding]) {
      for holding in holdings {
        costCash += holding.costCash
        costTokens += holding.costTokens
        mark += holding.mark
        if holding.holdsEquity {
          equityCost += holding.cost
          equityMark += holding.mark
        }
        for grant in holding.compute {
          granted += grant.granted
          unlocked += grant.unlocked
          locked += grant.locked
          redeemed += grant.redeemed
          gpuHoursOwed += grant.gpuHoursOwed
          valueAtPeg += grant.valueAtPeg
          valueAtMarket += grant.valueAtMarket
        }
      }
    }

    var cost: Ratio { costCash + costTokens }
    /// Mark ÷ cost over the companies where equity is held (a grant without equity has no
    /// multiple; nil when there is none).
    var moic: Ratio? { equityCost.isZero ? nil : equityMark / equityCost }
    var equityCost = Ratio.zero
    var equityMark = Ratio.zero
  }
}
