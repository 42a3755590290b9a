import CapstanEngine
import CapstanModel

/// The one-page company report for a board: summary, holders by class, ownership across rounds,
/// option pool, vesting, compute grants and exit payouts, with charts.
public enum CompanyReport {
  /// Builds the report of `ledger` as of `date`.
  ///
  /// - Parameters:
  ///   - compute: where compute grants come from (the token engine).
  ///   - exitValues: the three exit values shown; default ½×, 1× and 3× the post-money (or
  ///     10M, 50M, 100M before any priced round).
  ///   - valuations: the company's valuations; the 409A of common in force is in the summary.
  public static func build(
    ledger: Ledger, asOf date: CalendarDate, compute: any ComputeSource = NoComputeSource(),
    exitValues: [Ratio]? = nil, valuations: [ShareValuation] = []
  ) throws -> ReportDocument {
    let table = try ledger.replay(asOf: date)
    let company = ledger.company
    let currency = company.currency
    let holders = OwnershipView(table, basis: .fullyDiluted, grouping: .holder)
    // Outstanding SAFEs and notes count as their estimated conversion where percentages are
    // computed: the estimate of `capstan table --basis fully-diluted-with-convertibles`.
    let estimate = try ConvertibleEstimate(table, on: date)
    let estimated = estimate.totalShares > .zero
    let withConvertibles =
      estimated ? OwnershipView(table, grouping: .holder, convertibles: estimate) : holders
    let outstanding = OwnershipView(table, basis: .outstanding, grouping: .holder)
    let last = LastRound(ledger: ledger, table: table)
    let postMoney = last.map { holders.total.ratio * $0.pricePerCommon }
    var sections: [ReportSection] = []

    // Summary.
    var summary = ReportSection(
      key: "summary", title: "Summary",
      facts: [
        ReportFact("company", "Company", .text(company.name)),
        ReportFact("fully_diluted_shares", "Fully diluted shares", .shares(holders.total)),
        ReportFact(
          "outstanding_shares", "Outstanding shares (as converted)", .shares(outstanding.total)),
        ReportFact("last_round_class", "Last round", last.map { .text($0.className) } ?? .none),
        ReportFact("last_round_date", "Last round closed", last.map { .date($0.date) } ?? .none),
        ReportFact("last_round_price", "Last round price", last.map { .price($0.price) } ?? .none),
        ReportFact("post_money", "Post-money (FD × price)", postMoney.map { .money($0) } ?? .none),
      ])
    if estimated {
      summary.facts += [
        ReportFact(
          "convertible_shares_estimated", "SAFEs and notes, shares (estimated at cap)",
          .shares(estimate.totalShares)),
        ReportFact(
          "fully_diluted_with_convertibles", "Fully diluted with SAFEs and notes (estimate)",
          .shares(withConvertibles.total)),
      ]
    }
    var classTable = ReportTable(
      key: "classes", title: "Classes",
      columns: [
        .init("class", "Class"), .init("kind", "Kind"), .init("authorized", "Authorized"),
        .init("outstanding", "Outstanding"), .init("issue_price", "Issue price"),
        .init("conversion_price", "Conv. price"), .init("preference", "Preference"),
        .init("seniority", "Rank"), .init("anti_dilution", "Anti-dil."),
        .init("votes_per_share", "Votes/sh"),
      ])
    for state in table.classes.values.sorted(by: CompanyReport.classOrder) {
      let definition = state.definition
      classTable.rows.append([
        .text(definition.name), .text(definition.kind.rawValue), .shares(state.authorized),
        .shares(state.outstanding), definition.originalIssuePrice.map { .price($0) } ?? .none,
        state.conversionPrice.map { .price($0) } ?? .none,
        .text(CompanyReport.describe(definition.preference)),
        definition.preference.map { .count($0.seniority) } ?? .none,
        .text(definition.antiDilution.rawValue), .quantity(definition.votesPerShare),
      ])
    }
    summary.facts += CompanyReport.valuationFacts(valuations, table: table, ledger: ledger)
    summary.tables.append(classTable)
    sections.append(summary)

    // Holders by class.
    var holderTable = ReportTable(
      key: "holders",
      columns: [
        .init("class", "Class"), .init("holder", "Holder"), .init("shares", "Shares"),
        .init("class_pct", "% of class"), .init("fully_diluted_pct", "Holder FD %"),
        .init("estimated", "Estimate"),
      ])
    let fdByName = Dictionary(
      withConvertibles.rows.map { ($0.name, $0.fraction) },
      uniquingKeysWith: { first, _ in first })
    var byClassHolder: [ShareClass.ID: [Stakeholder.ID: Shares]] = [:]
    for position in table.stock.values {
      byClassHolder[position.shareClass, default: [:]][position.holder, default: .zero] +=
        position.quantity
    }
    for state in table.classes.values.sorted(by: CompanyReport.classOrder) {
      guard let rows = byClassHolder[state.definition.id] else { continue }
      let classTotal = rows.values.reduce(Shares.zero, +)
      for (holder, shares) in rows.sorted(by: {
        ($0.value, table.name(of: $1.key)) > ($1.value, table.name(of: $0.key))
      }) {
        let name = table.name(of: holder)
        holderTable.rows.append([
          .text(state.definition.name), .text(name), .shares(shares),
          .percent(Ratio(shares.count, max(1, classTotal.count))),
          .percent(fdByName[name] ?? .zero), .flag(false),
        ])
      }
    }
    var optionHolders: [Stakeholder.ID: Shares] = [:]
    for grant in table.options.values where grant.outstanding > .zero {
      optionHolders[grant.holder, default: .zero] += grant.outstanding
    }
    for warrant in table.warrants.values where warrant.outstanding > .zero {
      optionHolders[warrant.issuance.holder, default: .zero] += warrant.outstanding
    }
    let optionTotal = optionHolders.values.reduce(Shares.zero, +)
    for (holder, count) in optionHolders.sorted(by: {
      ($0.value, table.name(of: $1.key)) > ($1.value, table.name(of: $0.key))
    }) {
      let name = table.name(of: holder)
      holderTable.rows.append([
        .text("Options and warrants"), .text(name), .shares(count),
        .percent(Ratio(count.count, max(1, optionTotal.count))), .percent(fdByName[name] ?? .zero),
        .flag(false),
      ])
    }
    for line in estimate.lines where line.shares > .zero {
      holderTable.rows.append([
        .text(CompanyReport.convertiblesGroup), .text("\(line.holder) (\(line.security))"),
        .shares(line.shares),
        .percent(Ratio(line.shares.count, max(1, estimate.totalShares.count))),
        .percent(Ratio(line.shares.count, max(1, withConvertibles.total.count))), .flag(true),
      ])
    }
    sections.append(
      ReportSection(
        key: "holders", title: "Holders by class", tables: [holderTable],
        notes: estimated ? [CompanyReport.estimateNote] : []))

    sections.append(try CompanyReport.history(ledger: ledger, asOf: date))
    sections.append(CompanyReport.pool(table))
    sections.append(CompanyReport.vesting(table))
    sections.append(
      try CompanyReport.computeSection(ledger: ledger, asOf: date, source: compute))
    sections.append(
      try CompanyReport.exits(
        table, asOf: date, values: exitValues ?? CompanyReport.defaultExits(postMoney)))
    var document = ReportDocument(
      kind: "company", title: "\(company.name): company report", asOf: date, currency: currency,
      sections: sections)
    document.laterEntries = ledger.laterEntries(after: date)
    return document
  }

  /// Common first, then preferred, by name.
  static func classOrder(_ a: ClassState, _ b: ClassState) -> Bool {
    (a.definition.kind == .preferred ? 1 : 0, a.definition.name)
      < (b.definition.kind == .preferred ? 1 : 0, b.definition.name)
  }

  /// `1x non-participating`, `1x participating`, `1x participating, cap 3x`, or `-`.
  static func describe(_ preference: LiquidationPreference?) -> String {
    guard let preference else { return "-" }
    let multiple = preference.multiple.decimalString(places: 2, minimumPlaces: 0) + "x"
    switch preference.participation {
    case .none: return multiple + " non-participating"
    case .full: return multiple + " participating"
    case .capped(let cap):
      return multiple + " participating, cap " + cap.decimalString(places: 2, minimumPlaces: 0)
        + "x"
    }
  }

  static func defaultExits(_ postMoney: Ratio?) -> [Ratio] {
    guard let postMoney, postMoney > .zero else {
      return [Ratio(10_000_000), Ratio(50_000_000), Ratio(100_000_000)]
    }
    return [postMoney / Ratio(2), postMoney, postMoney * Ratio(3)]
  }
}
