import CapstanEngine
import CapstanModel

/// A token issuer's view across the workspace as people and programs read it: per company, the
/// compute owed (callable now and locked) and the issuer's stake; the book's totals; the
/// schedule from what is callable today; the concentration of the compute owed.
public enum IssuerExposureReport {
  static let header = [
    "company", "grants", "locked", "available", "units", "peg_value", "market_value",
    "issuer_shares", "issuer_fully_diluted", "callable", "cost_value", "equity_shares",
    "cost_per_share", "stake_estimated",
  ]

  static func cells(_ row: IssuerExposure) -> [String] {
    [
      row.company, String(row.grants), String(row.locked.count), String(row.available.count),
      row.units.decimalString(places: 2, minimumPlaces: 0),
      row.pegValue.map { $0.decimalString(places: 2) } ?? "",
      row.marketValue.map { $0.decimalString(places: 2) } ?? "", String(row.shares.count),
      row.fullyDiluted.percentString(places: 4), String(row.callable.count),
      row.costValue.map { $0.decimalString(places: 2) } ?? "", String(row.equityShares.count),
      row.costPerShare.map { $0.decimalString(places: 6, minimumPlaces: 2) } ?? "",
      row.stakeEstimated ? "true" : "false",
    ]
  }

  /// The exposures as `format`; `issuer` is the issuer's name, `laterEntries` the JSON of the
  /// entries dated after `date`.
  public static func render(
    _ exposures: IssuerExposures, issuer: String, asOf date: CalendarDate, format: ViewFormat,
    laterEntries: JSON = .null
  ) -> String {
    let token = exposures.token
    let data = exposures.rows.map { cells($0.exposure) }
    let book = IssuerBook(exposures)
    switch format {
    case .csv: return CSV.render(header: header, rows: data)
    case .json:
      return JSON.object([
        ("symbol", .string(token.symbol)), ("as_of", .string(date.iso)),
        (
          "market_price",
          .optional(exposures.marketPrice?.decimalString(places: 6, minimumPlaces: 2))
        ),
        (
          "cost_per_unit",
          .optional(exposures.costPerUnit?.decimalString(places: 6, minimumPlaces: 2))
        ),
        ("companies", TokensReport.grantsJSON(header, data)),
        ("totals", totalsJSON(book)), ("schedule", scheduleJSON(book, token: token)),
        ("concentration", concentrationJSON(book)), ("later_entries", laterEntries),
      ]).render()
    case .text:
      let heading =
        "\(exposures.rows.isEmpty ? "No company holds" : "Companies holding") \(token.symbol) "
        + "(issuer \(issuer)) as of \(date)"
      guard !exposures.rows.isEmpty else { return heading + "\n" }
      let currency = exposures.rows[0].company.currency
      let parts = [
        heading, owedTable(exposures, currency), equityTable(exposures, data, currency),
        totalsText(book, token: token, currency: currency),
        scheduleTable(book, token: token, currency: currency),
        concentrationText(book),
      ]
      // Each part without its trailing newline, one blank line between them.
      return parts.map { part in
        var text = Substring(part)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
      }.joined(separator: "\n\n") + "\n"
    }
  }

  static func money(_ value: Ratio?, _ currency: Currency) -> String {
    value.map { Money($0, currency).formatted } ?? "-"
  }

  static func owedTable(_ exposures: IssuerExposures, _ currency: Currency) -> String {
    var table = TextTable([
      ("Company", .left), ("Locked", .right), ("Callable now", .right),
      ("\(exposures.token.unit)s owed", .right), ("At peg", .right), ("At market", .right),
      ("At cost", .right),
    ])
    for row in exposures.rows {
      let item = row.exposure
      table.add([
        item.company, item.locked.formatted, item.callable.formatted,
        item.units.decimalString(places: 0, grouping: true), money(item.pegValue, currency),
        money(item.marketValue, currency), money(item.costValue, currency),
      ])
    }
    return "Compute owed\n" + table.render()
  }

  static func equityTable(
    _ exposures: IssuerExposures, _ data: [[String]], _ currency: Currency
  ) -> String {
    var table = TextTable([
      ("Company", .left), ("Shares", .right), ("Stake", .right),
      ("Shares for tokens", .right), ("Price per share at cost", .right),
    ])
    for (row, cells) in zip(exposures.rows, data) {
      let item = row.exposure
      table.add([
        item.company, item.shares.formatted, cells[8] + (item.stakeEstimated ? " est." : ""),
        item.equityShares > .zero ? item.equityShares.formatted : "-",
        item.costPerShare.map { Price($0, currency).formatted(places: 4) } ?? "-",
      ])
    }
    let note =
      exposures.rows.contains { $0.exposure.stakeEstimated }
      ? "est.: SAFEs and notes outstanding in the company count as the shares they would\n"
        + "  convert into, estimated at their caps (the issuer's own in its shares, everyone's\n"
        + "  in the total): an estimate.\n"
      : ""
    return "Equity\n" + table.render() + note
  }

  static func totalsText(_ book: IssuerBook, token: ComputeToken, currency: Currency) -> String {
    let unit = "\(token.unit)s"
    func units(_ value: Ratio) -> String { value.decimalString(places: 0, grouping: true) }
    return """
      Totals
        Tokens owed        \(book.owed.formatted) (\(units(book.units.owed)) \(unit))
        Callable now       \(book.callable.formatted) (\(units(book.units.callable)) \(unit))
        Unlocking later    \(book.locked.formatted) (\(units(book.units.locked)) \(unit))
        Owed at peg        \(money(book.values.peg, currency))
        Owed at market     \(money(book.values.market, currency))
        Owed at cost       \(money(book.values.cost, currency))
        Price per share at cost (all companies)  \
      \(book.costPerShare.map { Price($0, currency).formatted(places: 4) } ?? "-")
      """
  }

  static func scheduleTable(_ book: IssuerBook, token: ComputeToken, currency: Currency)
    -> String
  {
    var table = TextTable([
      ("Month ending", .left), ("Becomes callable", .right), ("At peg", .right),
      ("Cumulative", .right), ("Cumulative at peg", .right),
    ])
    for (index, month) in book.schedule.enumerated() {
      let label =
        index == 0 ? "callable now" : month.end.map(\.iso) ?? "later or never (expiry)"
      table.add([
        label, month.tokens.formatted, money(token.peg.map { month.tokens.ratio * $0 }, currency),
        month.cumulative.formatted,
        money(token.peg.map { month.cumulative.ratio * $0 }, currency),
      ])
    }
    return "Schedule: callable now, then what unlocks each month (the last row is owed)\n"
      + table.render()
  }

  static func concentrationText(_ book: IssuerBook) -> String {
    let top = book.top.map { "\($0.company) \($0.share.percentString(places: 2))" } ?? "-"
    return """
      Concentration of the compute owed
        Herfindahl index (0-10,000)  \
      \((book.herfindahl * Ratio(10_000)).decimalString(places: 0, grouping: true))
        Largest                      \(top)
      """
  }

  static func totalsJSON(_ book: IssuerBook) -> JSON {
    func money(_ value: Ratio?) -> JSON { .optional(value?.decimalString(places: 2)) }
    func units(_ value: Ratio) -> JSON { .string(value.decimalString(places: 4)) }
    return .object([
      ("tokens_owed", .int(book.owed.count)), ("tokens_callable_now", .int(book.callable.count)),
      ("tokens_locked", .int(book.locked.count)), ("units_owed", units(book.units.owed)),
      ("units_callable_now", units(book.units.callable)),
      ("units_locked", units(book.units.locked)), ("value_at_peg", money(book.values.peg)),
      ("value_at_market", money(book.values.market)), ("value_at_cost", money(book.values.cost)),
      (
        "cost_per_share",
        .optional(book.costPerShare?.decimalString(places: 6, minimumPlaces: 2))
      ),
    ])
  }

  static func scheduleJSON(_ book: IssuerBook, token: ComputeToken) -> JSON {
    .array(
      book.schedule.enumerated().map { index, month in
        let period = index == 0 ? "now" : month.end == nil ? "later" : "month"
        return .object([
          ("period", .string(period)), ("date", .optional(month.end?.iso)),
          ("tokens", .int(month.tokens.count)), ("cumulative_tokens", .int(month.cumulative.count)),
          (
            "value_at_peg",
            .optional(token.peg.map { (month.tokens.ratio * $0).decimalString(places: 2) })
          ),
          (
            "cumulative_value_at_peg",
            .optional(token.peg.map { (month.cumulative.ratio * $0).decimalString(places: 2) })
          ),
        ])
      })
  }

  static func concentrationJSON(_ book: IssuerBook) -> JSON {
    .object([
      ("herfindahl_index", .string((book.herfindahl * Ratio(10_000)).decimalString(places: 4))),
      ("top_company", .optional(book.top?.company)),
      (
        "top_share_pct",
        .optional(book.top.map { ($0.share * Ratio(100)).decimalString(places: 4) })
      ),
    ])
  }
}
