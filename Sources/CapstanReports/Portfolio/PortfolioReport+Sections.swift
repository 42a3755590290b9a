import CapstanModel
import Foundation

extension PortfolioReport {
  /// How many companies the charts name before grouping the rest as "Others".
  static let chartCompanies = 12

  static func concentrationSection(_ holdings: [PortfolioHolding], currency: Currency)
    -> ReportSection
  {
    let total = Ratio.sum(holdings.map(\.mark))
    var table = ReportTable(
      key: "concentration",
      columns: [
        .init("company", "Company"), .init("mark", "Mark"), .init("cost", "Cost"),
        .init("value_share_pct", "Share of value"), .init("gpu_hours_owed", "GPU-h owed"),
        .init("compute_owed_share_pct", "Share of compute owed"),
      ])
    var herfindahl = Ratio.zero
    var herfindahlOwed = Ratio.zero
    let owed = { (holding: PortfolioHolding) in Ratio.sum(holding.compute.map(\.gpuHoursOwed)) }
    let totalOwed = Ratio.sum(holdings.map(owed))
    // Largest mark first (ties by name): one sort for the table and the chart.
    let ranked = holdings.sorted { ($0.mark, $1.company) > ($1.mark, $0.company) }
    for holding in ranked {
      let share = total > .zero ? holding.mark / total : .zero
      let owedShare = totalOwed > .zero ? owed(holding) / totalOwed : .zero
      herfindahl += share * share
      herfindahlOwed += owedShare * owedShare
      table.rows.append([
        .text(holding.company), .money(holding.mark), .money(holding.cost), .percent(share),
        .quantity(owed(holding)), .percent(owedShare),
      ])
    }
    let topOwed = holdings.sorted { (owed($0), $1.company) > (owed($1), $0.company) }.first
    func share(_ part: Ratio, _ whole: Ratio) -> ReportCell {
      whole > .zero ? .percent(part / whole) : .none
    }
    // The chart names the largest companies and sums the rest.
    var categories = ranked.prefix(chartCompanies).map(\.company)
    var marks = ranked.prefix(chartCompanies).map(\.mark)
    var costs = ranked.prefix(chartCompanies).map(\.cost)
    if ranked.count > chartCompanies {
      let rest = ranked.dropFirst(chartCompanies)
      categories.append("Others (\(rest.count))")
      marks.append(Ratio.sum(rest.map(\.mark)))
      costs.append(Ratio.sum(rest.map(\.cost)))
    }
    let chart = StackedBarChart(
      title: "Value (mark) and cost by company", categories: categories,
      series: [ChartSeries(name: "Cost", values: costs), ChartSeries(name: "Mark", values: marks)],
      format: .money(currency), grouped: true)
    return ReportSection(
      key: "concentration", title: "Value, cost and concentration",
      facts: [
        ReportFact(
          "herfindahl_index", "Herfindahl index (0-10,000)", .quantity(herfindahl * Ratio(10_000))
        ),
        ReportFact(
          "top_company_by_mark", "Largest by mark", ranked.first.map { .text($0.company) } ?? .none),
        ReportFact(
          "top_share_by_mark_pct", "Largest share of value",
          ranked.first.map { share($0.mark, total) } ?? .none),
        ReportFact(
          "herfindahl_index_compute_owed", "Herfindahl index of compute owed (0-10,000)",
          totalOwed > .zero ? .quantity(herfindahlOwed * Ratio(10_000)) : .none),
        ReportFact(
          "top_company_by_compute_owed", "Largest by compute owed",
          totalOwed > .zero ? topOwed.map { .text($0.company) } ?? .none : .none),
        ReportFact(
          "top_share_by_compute_owed_pct", "Largest share of compute owed",
          topOwed.map { share(owed($0), totalOwed) } ?? .none),
      ], tables: [table], charts: [ReportChart(key: "value_cost_by_company", svg: chart.svg())],
      notes: [
        "Share of value = the company's mark ÷ the portfolio's; share of compute owed = its "
          + "GPU-hours owed ÷ the portfolio's; each Herfindahl index = the sum of the squared "
          + "shares in percent (10,000: everything in one company)."
      ])
  }

  /// What the investor's grants owe from the date: the tokens callable now, those that unlock
  /// in each of the next 24 months, and those that unlock later (or never), valued at the peg;
  /// the rows add up to the tokens owed.
  static func liabilitySection(
    investor: String, holdings: [PortfolioHolding], companies: [Input], asOf date: CalendarDate,
    compute: any ComputeSource, currency: Currency
  ) throws -> ReportSection {
    let months = (0...24).map { date.adding(months: $0) }
    var byCompany: [(company: String, values: [Ratio], tokens: [Ratio])] = []
    let granting = Set(holdings.filter { !$0.compute.isEmpty }.map(\.company))
    for input in companies where granting.contains(input.ledger.company.name) {
      // The investor's name becomes its stakeholder id once; grants join on the id.
      let id = Stakeholder.named(investor, in: input.ledger.stakeholders.values)?.id
      var unlocked: [Ratio] = []
      var pegs: [Ratio] = []
      for day in months {
        let grants = try compute.exposures(of: input.ledger.company.id, asOf: day).filter {
          id != nil && $0.grantorID == id
        }
        unlocked.append(Ratio.sum(grants.map(\.unlocked)))
        pegs.append(
          grants.isEmpty ? .zero : Ratio.sum(grants.map(\.peg)) / Ratio(grants.count))
      }
      let tokens = (1...24).map { unlocked[$0] - unlocked[$0 - 1] }
      let values = (1...24).map { tokens[$0 - 1] * pegs[$0] }
      byCompany.append((input.ledger.company.name, values, tokens))
    }
    byCompany.sort { $0.company < $1.company }
    var table = ReportTable(
      key: "months",
      columns: [
        .init("period", "Period"), .init("month", "Month ending"),
        .init("tokens_unlocking", "Tokens callable"), .init("value_at_peg", "Value at peg"),
        .init("cumulative_value_at_peg", "Cumulative"),
      ])
    let grants = holdings.flatMap(\.compute)
    let callable = Ratio.sum(grants.map { max(.zero, $0.owedTokens - $0.locked) })
    let callableValue = Ratio.sum(grants.map { max(.zero, $0.owedTokens - $0.locked) * $0.peg })
    var cumulative = callableValue
    table.rows.append([
      .text("now"), .date(date), .quantity(callable), .money(callableValue), .money(cumulative),
    ])
    var scheduled = (tokens: Ratio.zero, value: Ratio.zero)
    for month in 0..<24 {
      let tokens = Ratio.sum(byCompany.map { $0.tokens[month] })
      let value = Ratio.sum(byCompany.map { $0.values[month] })
      cumulative += value
      scheduled = (scheduled.tokens + tokens, scheduled.value + value)
      table.rows.append([
        .text("month"), .date(months[month + 1]), .quantity(tokens), .money(value),
        .money(cumulative),
      ])
    }
    // What is still locked after month 24 (or never unlocks: it expires first).
    let later = max(.zero, Ratio.sum(grants.map(\.locked)) - scheduled.tokens)
    let laterValue = max(.zero, Ratio.sum(grants.map { $0.locked * $0.peg }) - scheduled.value)
    cumulative += laterValue
    table.rows.append([
      .text("later"), .none, .quantity(later), .money(laterValue), .money(cumulative),
    ])
    // Each company's total once, not twice per comparison (the same order: the same
    // comparisons of the same totals).
    let ranked = byCompany.map { (company: $0, total: Ratio.sum($0.values)) }
      .sorted { $0.total > $1.total }.map(\.company)
    var series = ranked.prefix(chartCompanies).map {
      ChartSeries(name: $0.company, values: $0.values)
    }
    if ranked.count > chartCompanies {
      let rest = ranked.dropFirst(chartCompanies)
      series.append(
        ChartSeries(
          name: "Others (\(rest.count))",
          values: (0..<24).map { month in Ratio.sum(rest.map { $0.values[month] }) }))
    }
    let chart = StackedBarChart(
      title: "Compute liability: tokens unlocking per month, at the peg",
      categories: (1...24).map { months[$0].iso.prefix(7).description },
      series: series, format: .money(currency))
    return ReportSection(
      key: "compute_liability", title: "Compute liability: callable now, then 24 months",
      tables: [table],
      charts: [ReportChart(key: "compute_liability", svg: chart.svg(width: 900, height: 360))],
      notes: [
        "Now: tokens unlocked and not yet redeemed, which the companies can call as GPU-hours "
          + "today; each month: tokens that unlock in the month ending on the date; later: "
          + "what is still locked after 24 months (or expires first). Valued at the token's "
          + "peg; the cumulative column ends at what is owed."
      ])
  }

  /// Portfolio value and liability with the token price shocked, and along a price path.
  static func stressSection(
    _ holdings: [PortfolioHolding], pricePath: [PricePoint], currency: Currency
  ) -> ReportSection {
    var table = ReportTable(
      key: "scenarios",
      columns: [
        .init("scenario", "Scenario"), .init("token_price_change_pct", "Price change"),
        .init("token_positions_at_market", "Tokens at market"), .init("equity_mark", "Equity mark"),
        .init("owed_value_at_peg", "Owed at peg"), .init("gpu_hours_owed", "GPU-h owed"),
      ])
    var positions = ReportTable(
      key: "positions",
      columns: [
        .init("scenario", "Scenario"), .init("company", "Company"), .init("grant", "Grant"),
        .init("market_price", "Market price"), .init("value_at_market", "At market"),
      ])
    let totals = Totals(holdings)
    func row(_ name: String, change: ReportCell, _ reprice: (ComputeExposure) -> Ratio) {
      var market = Ratio.zero
      for holding in holdings {
        for grant in holding.compute {
          let shocked = grant.repriced(reprice(grant))
          market += shocked.valueAtMarket
          positions.rows.append([
            .text(name), .text(holding.company), .text(grant.grant), .price(shocked.marketPrice),
            .money(shocked.valueAtMarket),
          ])
        }
      }
      table.rows.append([
        .text(name), change, .money(market), .money(totals.mark), .money(totals.valueAtPeg),
        .quantity(totals.gpuHoursOwed),
      ])
    }
    row("base", change: .percent(.zero)) { $0.marketPrice }
    for shock in shocks {
      row("shock " + shock.percentString(places: 0), change: .percent(shock)) {
        $0.marketPrice * (Ratio.one + shock)
      }
    }
    for point in pricePath {
      row("path " + point.date.iso, change: .none) { _ in point.price }
    }
    var section = ReportSection(
      key: "stress", title: "Stress: token price shocks", tables: [table, positions],
      notes: [
        "A shock multiplies every token's market price; a path row sets it to the path's price. "
          + "Only the token positions' market value moves: the equity mark (last round prices), "
          + "the GPU-hours owed and their value at the peg do not."
      ])
    if !pricePath.isEmpty {
      let values = pricePath.map { point in
        Ratio.sum(holdings.flatMap(\.compute).map { $0.owedTokens * point.price })
      }
      let chart = LineChart(
        title: "Token positions at market along the price path",
        x: pricePath.map { Ratio($0.date.daysSinceEpoch) },
        xLabels: pricePath.map { $0.date.iso },
        series: [ChartSeries(name: "At market", values: values)], format: .money(currency))
      section.charts.append(ReportChart(key: "stress_price_path", svg: chart.svg()))
    }
    return section
  }

  /// Reads a price path: a CSV with a `date,price` header and one ISO date and price a line.
  public static func pricePath(csv text: String, file: String) throws(InputError) -> [PricePoint] {
    var points: [PricePoint] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let line = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\r", with: "")
      if line.isEmpty || (number == 0 && line.lowercased().hasPrefix("date")) { continue }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard fields.count == 2 else {
        throw .invalid(field: "\(file):\(number + 1)", input: line, expected: "date,price")
      }
      let date = try AmountParser.date(fields[0], field: "\(file):\(number + 1) date")
      let price = try AmountParser.amount(fields[1], field: "\(file):\(number + 1) price")
      if let last = points.last, last.date >= date {
        throw .invalid(
          field: "\(file):\(number + 1) date", input: fields[0],
          expected: "a date after \(last.date.iso) (dates ascending)")
      }
      points.append(PricePoint(date: date, price: price))
    }
    return points
  }
}
