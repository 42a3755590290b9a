import ArgumentParser
import CapstanEngine
import CapstanInterchange
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

extension TokenCommand {
  /// `capstan tokens stress`: the company's compute tokens under price scenarios.
  struct Stress: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stress",
      abstract: "Mark-to-market, funding gap, effective price per share and runway under shocks.",
      discussion: """
        Example: capstan tokens stress --as-of 2026-12-01 --shock -50% --shock -90% \\
                   --cash 2M --cash-burn 150k --gpu-hours 40,000
        The first row is the market on the date; each --shock scales every token's price;
        --path FILE (symbol,date,price, as for token prices import) adds one row per date;
        a path of month,price (or symbol,month,price) counts months 1, 2, 3... from the date
        (with --offer, from the offer's closing).
        Runway (with --cash-burn or --gpu-hours) is projected month by month: redeeming = the
        tokens pay for compute as they unlock, and cash buys what they do not cover at
        --gpu-hour-price (default: peg per unit); selling = the tokens are sold at the
        scenario's price as they unlock. Locked tokens are neither redeemed nor sold.
        --offer NAME stresses a stored offer's tokens before anything is closed, from its
        closing date, with --cash only (the cash before the round's money arrives).
        """)

    @OptionGroup var asOf: AsOfOption
    @Option(
      parsing: .unconditionalSingleValue,
      help: "A price shock, e.g. -50% (repeat; signed percentage).")
    var shock: [String] = []
    @Option(
      help: "A price path CSV: symbol,date,price or symbol,month,price (no symbol: --symbol).")
    var path: String?
    @Option(help: "The token of a date,price path.")
    var symbol: String?
    @Option(help: "A stored offer (capstan offer add) to stress before anything is closed.")
    var offer: String?
    @OptionGroup var runway: RunwayOptions
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      if let offer { return try stressOffer(offer, store, company) }
      let ledger = try store.ledger(for: company.id)
      let date = asOf.date(ledger)
      let rows = try TokenStress.company(
        try ledger.replay(asOf: date), market: try store.tokenMarket(),
        shocks: try shock.map { try TokenStress.shock(parsing: $0, field: "--shock") },
        path: try path.map { try TokenPriceFile.read($0, symbol: symbol, start: date).map(\.mark) }
          ?? []
      ) { peg in runway.given ? try runway.inputs(defaultUnitPrice: peg) : nil }
      emit(
        TokenStressReport.render(
          rows, company: company, format: output.format.view, date: date,
          laterEntries: AsOf.json(ledger, date)))
      AsOf.printNote(ledger, date, format: output.format)
    }
  }
}

extension TokenCommand.Stress {
  /// `tokens stress --offer NAME`: the offer's tokens from its closing, not closed.
  func stressOffer(_ name: String, _ store: any Workspace, _ company: Company) throws {
    let priced = try store.offer(named: name, company: company.id)
      .priced(on: try store.ledger(for: company.id))
    let market = try store.tokenMarket()
    let first = priced.offer.terms.tokenInvestments.first
    let rows = try TokenStress.offer(
      priced, market: market,
      shocks: try shock.map { try TokenStress.shock(parsing: $0, field: "--shock") },
      path: try path.map {
        try TokenPriceFile.read(
          $0, symbol: symbol ?? first?.symbol, start: priced.offer.closing
        ).map(\.mark)
      } ?? [],
      runway: runway.given
        ? try runway.inputs(defaultUnitPrice: market.pegPerUnit(of: priced.offer)) : nil)
    emit(
      TokenStressReport.render(
        rows, company: company, format: output.format.view, date: priced.offer.closing,
        offer: priced.offer.name))
  }
}
