import CapstanEngine
import CapstanModel

extension CompanyReport {
  /// Ownership by holder group (common, each preferred class's investors, options and pool)
  /// at founding, after each round, and on the report's date.
  static func history(ledger: Ledger, asOf date: CalendarDate) throws -> ReportSection {
    let preferred = Dictionary(
      ledger.classes.filter { $0.kind == .preferred }.map { ($0.id, $0.name) },
      uniquingKeysWith: { first, _ in first })
    var points: [(label: String, date: CalendarDate)] = []
    var founding: CalendarDate?
    for transaction in ledger.transactions where transaction.date <= date {
      guard case .issueStock(let issuance) = transaction.event else { continue }
      if let name = preferred[issuance.shareClass] {
        if let index = points.firstIndex(where: { $0.date == transaction.date }) {
          if !points[index].label.contains(name) { points[index].label += " + " + name }
        } else {
          points.append((name, transaction.date))
        }
      } else if founding == nil || transaction.date < founding ?? transaction.date {
        founding = transaction.date
      }
    }
    points.sort { $0.date < $1.date }
    if let founding, points.first.map({ founding < $0.date }) ?? true {
      points.insert(("Founding", founding), at: 0)
    }
    if points.last.map({ $0.date < date }) ?? true { points.append(("As of \(date.iso)", date)) }

    var groups: [String] = ["Common"]
    for definition in ledger.classes where definition.kind == .preferred {
      groups.append(definition.name)
    }
    groups.append("Options & pool")
    // SAFEs and notes outstanding at a point count as their estimated conversion.
    let convertibles = CompanyReport.hasConvertibles(ledger, asOf: date)
    if convertibles { groups.append(CompanyReport.convertiblesGroup) }
    let optionsIndex = convertibles ? groups.count - 2 : groups.count - 1
    var table = ReportTable(
      key: "ownership_history",
      columns: [
        .init("point", "After"), .init("date", "Date"), .init("group", "Holder group"),
        .init("shares", "Shares (FD)"), .init("fully_diluted_pct", "FD %"),
      ])
    var values: [[Ratio]] = Array(repeating: [], count: groups.count)
    for point in points {
      let snapshot = try ledger.replay(asOf: point.date)
      let view = OwnershipView(snapshot, basis: .fullyDiluted, grouping: .shareClass)
      var shares = [Shares](repeating: .zero, count: groups.count)
      for row in view.rows {
        let isPreferred =
          row.shareClass.flatMap { snapshot.classes[$0] }?.definition.kind == .preferred
        let index = isPreferred ? (groups.firstIndex(of: row.name) ?? 0) : 0
        shares[index] += row.stock
        shares[optionsIndex] += row.options + row.available
      }
      var total = view.total
      if convertibles {
        let estimate = try ConvertibleEstimate(snapshot, on: point.date).totalShares
        shares[groups.count - 1] += estimate
        total += estimate
      }
      for (index, group) in groups.enumerated() {
        let fraction = total > .zero ? Ratio(shares[index].count, total.count) : .zero
        values[index].append(fraction)
        if shares[index] > .zero {
          table.rows.append([
            .text(point.label), .date(point.date), .text(group), .shares(shares[index]),
            .percent(fraction),
          ])
        }
      }
    }
    let chart = StackedBarChart(
      title: "Ownership by holder group after each round (fully diluted)",
      categories: points.map(\.label),
      series: zip(groups, values).map { ChartSeries(name: $0, values: $1) }
        .filter { $0.values.contains { $0 > .zero } },
      format: .percent, maximum: .one)
    return ReportSection(
      key: "ownership_history", title: "Ownership across rounds", tables: [table],
      charts: [ReportChart(key: "ownership_history", svg: chart.svg())],
      notes: convertibles ? [CompanyReport.estimateNote] : [])
  }

  /// Each plan's pool: reserved, granted, exercised, available and how much is used.
  static func pool(_ table: CapTable) -> ReportSection {
    var rows = ReportTable(
      key: "plans",
      columns: [
        .init("plan", "Plan"), .init("reserved", "Reserved"),
        .init("options_outstanding", "Outstanding"), .init("exercised", "Exercised"),
        .init("available", "Available"), .init("used_pct", "Used"),
      ])
    for plan in table.plans.values.sorted(by: { $0.definition.name < $1.definition.name }) {
      let reserved = plan.available + plan.optionsOutstanding + plan.exercised
      let used = plan.optionsOutstanding + plan.exercised
      rows.rows.append([
        .text(plan.definition.name), .shares(reserved), .shares(plan.optionsOutstanding),
        .shares(plan.exercised), .shares(plan.available),
        .percent(reserved > .zero ? Ratio(used.count, reserved.count) : .zero),
      ])
    }
    return ReportSection(
      key: "option_pool", title: "Option pool", tables: [rows],
      notes: [
        "Reserved = available + outstanding + exercised; used = (outstanding + exercised) ÷ reserved."
      ])
  }

  /// Totals of vested and unvested options and restricted stock, and every security.
  static func vesting(_ table: CapTable) -> ReportSection {
    let report = VestingReport(table)
    var rows = ReportTable(
      key: "securities",
      columns: [
        .init("holder", "Holder"), .init("security", "Security"), .init("kind", "Kind"),
        .init("total", "Total"), .init("vested", "Vested"), .init("unvested", "Unvested"),
        .init("exercisable", "Exercisable"), .init("next_date", "Next vests"),
      ])
    var totals = (total: Shares.zero, vested: Shares.zero, exercisable: Shares.zero)
    for row in report.rows {
      rows.rows.append([
        .text(row.holder), .text(row.security.rawValue), .text(row.kind), .shares(row.total),
        .shares(row.vested), .shares(row.unvested), .shares(row.exercisable),
        row.nextDate.map { .date($0) } ?? .none,
      ])
      totals.total += row.total
      totals.vested += row.vested
      totals.exercisable += row.exercisable
    }
    rows.totals = [
      .text("Total"), .text(""), .text(""), .shares(totals.total), .shares(totals.vested),
      .shares(totals.total - totals.vested), .shares(totals.exercisable), .none,
    ]
    let next = report.rows.compactMap(\.nextDate).min()
    return ReportSection(
      key: "vesting", title: "Vesting",
      facts: [
        ReportFact("securities_with_vesting", "Securities with vesting", .count(report.rows.count)),
        ReportFact("vested", "Vested", .shares(totals.vested)),
        ReportFact("unvested", "Unvested", .shares(totals.total - totals.vested)),
        ReportFact("next_vesting_date", "Next vesting date", next.map { .date($0) } ?? .none),
      ], tables: [rows])
  }

  /// Every compute grant on the date, and its tokens unlocked, locked and redeemed by month.
  static func computeSection(ledger: Ledger, asOf date: CalendarDate, source: any ComputeSource)
    throws -> ReportSection
  {
    let grants = try source.exposures(of: ledger.company.id, asOf: date)
    var rows = ReportTable(
      key: "grants",
      columns: [
        .init("grant", "Grant"), .init("grantor", "Grantor"), .init("token", "Token"),
        .init("granted", "Granted"), .init("unlocked", "Unlocked"), .init("locked", "Locked"),
        .init("redeemed", "Redeemed"), .init("gpu_hours_owed", "GPU-h owed"),
        .init("value_at_peg", "At peg"), .init("value_at_market", "At market"),
      ])
    for grant in grants {
      rows.rows.append([
        .text(grant.grant), .text(grant.grantor), .text(grant.token), .quantity(grant.granted),
        .quantity(grant.unlocked), .quantity(grant.locked), .quantity(grant.redeemed),
        .quantity(grant.gpuHoursOwed), .money(grant.valueAtPeg), .money(grant.valueAtMarket),
      ])
    }
    var section = ReportSection(key: "compute", title: "Compute grants", tables: [rows])
    guard !grants.isEmpty else {
      section.notes.append("No compute grants.")
      return section
    }
    // Month ends from the incorporation month to the report date (quarters past five years).
    let start = ledger.company.incorporated
    let months = max(1, start.wholeMonths(until: date) + 1)
    let step = months > 60 ? 3 : 1
    var dates: [CalendarDate] = []
    var month = 0
    while month < months {
      dates.append(min(date, start.adding(months: month + step).adding(days: -1)))
      month += step
    }
    if dates.last != date { dates.append(date) }
    var series = [[Ratio]](repeating: [], count: 3)
    for day in dates {
      let state = try source.exposures(of: ledger.company.id, asOf: day)
      series[0].append(Ratio.sum(state.map { $0.redeemed }))
      series[1].append(Ratio.sum(state.map { $0.unlocked - $0.redeemed }))
      series[2].append(Ratio.sum(state.map { $0.locked }))
    }
    let chart = StackedAreaChart(
      title: "Compute grants: tokens redeemed, unlocked and locked",
      x: dates.map { Ratio($0.daysSinceEpoch) },
      series: zip(["Redeemed", "Unlocked", "Locked"], series).map {
        StackedAreaChart.Series(name: $0, values: $1)
      },
      format: { ChartFormat.number.label($0) },
      xFormat: { CalendarDate(daysSinceEpoch: Int($0.floor)).iso.prefix(7).description },
      xTitle: "Date")
    section.charts.append(
      ReportChart(key: "compute_grants", svg: chart.svg(width: 860, height: 360)))
    return section
  }

  /// Payouts by class at three exit values, and the sweep from zero to the largest.
  static func exits(_ table: CapTable, asOf date: CalendarDate, values: [Ratio]) throws
    -> ReportSection
  {
    let capitalization = WaterfallCapitalization(
      table, convertibles: try OutstandingConvertible.outstanding(in: table, on: date))
    let schedule = try Waterfall(capitalization).schedule
    let names =
      capitalization.classes.map(\.name) + capitalization.convertibles.map(\.name) + ["Options"]
    var rows = ReportTable(
      key: "payouts",
      columns: [
        .init("exit_value", "Exit value"), .init("class", "Class"), .init("payout", "Payout"),
        .init("share_pct", "Share"),
      ])
    let payouts = try schedule.sweep(values.sorted())
    for (exit, payout) in zip(values.sorted(), payouts) {
      let amounts = payout.classes + payout.convertibles + [payout.options]
      for (name, amount) in zip(names, amounts) where !(name == "Options" && amount.isZero) {
        rows.rows.append([
          .money(exit), .text(name), .money(amount),
          .percent(payout.total.isZero ? .zero : amount / payout.total),
        ])
      }
    }
    let top = values.max() ?? Ratio(100_000_000)
    let sweep = (0...40).map { top * Ratio($0, 40) }
    let curve = try schedule.sweep(sweep)
    var series = names.map { StackedAreaChart.Series(name: $0, values: []) }
    for payout in curve {
      for (index, amount) in (payout.classes + payout.convertibles + [payout.options]).enumerated()
      {
        series[index].values.append(amount)
      }
    }
    let currency = table.company.currency
    let chart = StackedAreaChart(
      title: "Exit payouts by class", x: sweep,
      series: series.filter { $0.values.contains { !$0.isZero } },
      format: { ChartFormat.money(currency).label($0) })
    return ReportSection(
      key: "exits", title: "Exit payouts", tables: [rows],
      charts: [ReportChart(key: "exit_sweep", svg: chart.svg(width: 860, height: 400))],
      notes: [
        "Options in the money are exercised and their strike added to the proceeds; no expenses or carve-out."
      ] + capitalization.leftOutWarrants.map { $0.note(currency) })
  }
}
