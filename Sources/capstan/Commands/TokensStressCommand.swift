import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// Cash and burn for runway, shared by `tokens stress` and `compare`.
struct RunwayOptions: ParsableArguments {
  @Option(help: "Cash on hand (default 0).")
  var cash: String?
  @Option(help: "Monthly cash burn, excluding compute.")
  var cashBurn: String?
  @Option(help: "Compute used per month, in the token's unit (GPU-hours).")
  var gpuHours: String?
  @Option(help: "Cash price of one unit of compute (default: the token's peg per unit).")
  var gpuHourPrice: String?

  /// Whether any runway input was given.
  var given: Bool { cashBurn != nil || gpuHours != nil || cash != nil }

  /// The inputs, with the unit price defaulting to `defaultUnitPrice`.
  func inputs(defaultUnitPrice: Ratio?) throws -> RunwayInputs {
    let price =
      try gpuHourPrice.map { try Parse.amount($0, "--gpu-hour-price") } ?? defaultUnitPrice
    let units = try gpuHours.map { try Parse.amount($0, "--gpu-hours") } ?? .zero
    guard let price else {
      guard units == .zero else {
        throw InputError.invalid(
          field: "--gpu-hour-price", input: "",
          expected: "the cash price of a unit of compute (the token has no peg)")
      }
      return try inputs(unitPrice: .zero, units: units)
    }
    return try inputs(unitPrice: price, units: units)
  }

  private func inputs(unitPrice: Ratio, units: Ratio) throws -> RunwayInputs {
    RunwayInputs(
      cash: try cash.map { try Parse.amount($0, "--cash") } ?? .zero,
      monthlyCashBurn: try cashBurn.map { try Parse.amount($0, "--cash-burn") } ?? .zero,
      monthlyComputeUnits: units, computeUnitPrice: unitPrice)
  }
}

extension Parse {
  /// A signed percentage: `-50%`, `+20%`, `-0.9`.
  static func shock(_ text: String, _ field: String) throws -> Ratio {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let negative = trimmed.hasPrefix("-") || trimmed.hasPrefix("−")
    let body =
      trimmed.hasPrefix("-") || trimmed.hasPrefix("+") || trimmed.hasPrefix("−")
      ? String(trimmed.dropFirst()) : trimmed
    let value = try AmountParser.percentage(body.hasSuffix("%") ? body : body + "%", field: field)
    return negative ? -value : value
  }
}

extension TokensCommand {
  struct Stress: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark-to-market, funding gap, effective price per share and runway under shocks.",
      discussion: """
        Example: capstan tokens stress --as-of 2026-12-01 --shock -50% --shock -90% \\
                   --cash 2M --cash-burn 150k --gpu-hours 40,000
        The first row is the market on the date; each --shock scales every token's price;
        --path FILE (symbol,date,price, as for token prices import) adds one row per date.
        Runway (with --cash-burn or --gpu-hours): redeeming = the tokens pay for compute
        until they run out, then cash buys it at --gpu-hour-price (default: peg per unit);
        selling = the tokens are sold at the scenario's price.
        """)

    @Option(help: "The date (default: today; latest: the last dated entry).")
    var asOf: String?
    @Option(
      parsing: .unconditionalSingleValue,
      help: "A price shock, e.g. -50% (repeat; signed percentage).")
    var shock: [String] = []
    @Option(help: "A price path CSV: symbol,date,price (or date,price with --symbol).")
    var path: String?
    @Option(help: "The token of a date,price path.")
    var symbol: String?
    @OptionGroup var runway: RunwayOptions
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let ledger = try store.ledger(for: company.id)
      let date = try AsOf.date(asOf, ledger)
      let table = try ledger.replay(asOf: date)
      let market = try store.tokenMarket()
      let positions = table.computeGrants.values.sorted { $0.grant.security < $1.grant.security }
      guard !positions.isEmpty else {
        throw InputError.invalid(
          field: "tokens stress", input: company.name,
          expected: "a company with compute grants on \(date) (capstan grant-compute)")
      }
      let shocks = try shock.map { try Parse.shock($0, "--shock") }
      let marks = try path.map { try TokenPriceFile.read($0, symbol: symbol).map(\.mark) } ?? []
      let token = try market.token(positions[0].grant.symbol)
      let inputs =
        runway.given
        ? try runway.inputs(defaultUnitPrice: token.peg.map { $0 / token.unitsPerToken }) : nil
      let rows = try TokenStress.run(
        positions, market: market, asOf: date, shocks: shocks, path: marks, runway: inputs)
      emit(
        TokensStressOutput.render(
          rows, company: company, format: output.format, date: date,
          laterEntries: AsOf.json(ledger, date)))
      AsOf.printNote(ledger, date, format: output.format)
    }
  }
}

/// How `capstan tokens stress` prints.
enum TokensStressOutput {
  static func months(_ value: Ratio?) -> String {
    value.map { $0.decimalString(places: 1) } ?? "-"
  }

  static func render(
    _ rows: [TokenStressRow], company: Company, format: OutputFormat, date: CalendarDate,
    laterEntries: JSON = .null
  ) -> String {
    let header = [
      "scenario", "date", "prices", "held_tokens", "held_units", "held_value", "agreed_value",
      "unrealised", "funding_gap", "effective_price_per_share", "runway_redeeming_months",
      "runway_selling_months",
    ]
    func prices(_ row: TokenStressRow) -> String {
      row.prices.keys.sorted().map {
        "\($0)=\((row.prices[$0] ?? .zero).decimalString(places: 6, minimumPlaces: 2))"
      }.joined(separator: " ")
    }
    let data = rows.map { row in
      [
        row.label, row.date.iso, prices(row), String(row.heldTokens.count),
        row.heldUnits.decimalString(places: 2, minimumPlaces: 0),
        row.heldValue.decimalString(places: 2), row.heldAgreedValue.decimalString(places: 2),
        row.unrealisedGain.decimalString(places: 2), row.fundingGap.decimalString(places: 2),
        row.effectivePricePerShare.map { $0.decimalString(places: 4) } ?? "",
        row.runwayRedeeming.map { $0.decimalString(places: 2) } ?? "",
        row.runwaySelling.map { $0.decimalString(places: 2) } ?? "",
      ]
    }
    switch format {
    case .csv: return CSV.render(header: header, rows: data)
    case .json:
      return JSON.object([
        ("company", .string(company.name)), ("as_of", .string(date.iso)),
        (
          "scenarios",
          .array(
            data.map { row in
              .object(zip(header, row).map { ($0, $1.isEmpty ? .null : .string($1)) })
            })
        ),
        ("later_entries", laterEntries),
      ]).render()
    case .text:
      let money = { (value: Ratio) in Money(value, company.currency).formatted }
      var table = TextTable([
        ("Scenario", .left), ("Prices", .left), ("Held value", .right), ("Unrealised", .right),
        ("Funding gap", .right), ("Eff. $/sh", .right), ("Runway", .right),
        ("If sold", .right),
      ])
      for row in rows {
        table.add([
          row.label, prices(row), money(row.heldValue), money(row.unrealisedGain),
          money(row.fundingGap),
          row.effectivePricePerShare.map { Price($0, company.currency).formatted(places: 4) }
            ?? "-",
          months(row.runwayRedeeming), months(row.runwaySelling),
        ])
      }
      let first = rows.first
      return "\(company.name): compute tokens under stress"
        + (first.map { " as of \($0.date) (\($0.heldTokens) tokens held)" } ?? "") + "\n\n"
        + table.render() + "Runway in months: redeeming the tokens for compute / selling them.\n"
    }
  }
}
