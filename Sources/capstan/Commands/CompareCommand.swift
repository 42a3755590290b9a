import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// `capstan compare`: stored offers priced by the round engine, or a cash round, cloud credits
/// and compute tokens for equity given as options, side by side.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare financing: stored offers, or a cash round, credits and tokens for equity.",
    discussion: """
      Stored offers (capstan offer add), two to five:
        capstan compare A B --cash 1.2M --cash-burn 180k --gpu-hours 60,000 --gpu-hour-price 2.50
      Each offer is priced by the round engine on the company's table (SAFEs and notes \
      convert, the pool is topped up): price, dilution per holder, each token investor's \
      shares, stake and votes, compute bought, runway month by month (the offer's cash \
      arrives at the closing; tokens are redeemed only as they unlock), the tokens' value and \
      runway after a fall of --drop, revenue-share cost under --revenue-plan, liquidity and \
      the largest votes. See docs/offers.md.

      Single offers as options (no pool top-up, conversions not modelled):
        capstan compare --need 3M --cash-offer pre=18M,amount=3M --credits amount=3M,expires=12m \\
          --token-offer tokens=1.5M,agreed=2.00,pre=18M --token H100H --as-of 2026-06-01 \\
          --cash 1M --cash-burn 150k --gpu-hours 40,000
      Shows founders' dilution, the new investor's fully diluted stake, compute bought at market
      prices, runway, value if the token falls by --drop (default 50%), liquidity, and the
      provider's fully diluted and voting stakes and share of the company's compute.
      Dilution is measured on the company's fully diluted shares on the date (no pool top-up).
      """)

  @Argument(help: "Stored offers to compare (two to five); without them, the options below.")
  var offerNames: [String] = []
  @Option(help: "A revenue plan CSV (month,revenue) to cost revenue-share legs under.")
  var revenuePlan: String?
  @Option(help: "The amount the company needs (option-given offers).")
  var need: String?
  @Option(help: "A cash round: pre=PRE_MONEY,amount=AMOUNT.")
  var cashOffer: String?
  @Option(help: "Cloud credits: amount=AMOUNT,expires=MONTHSm.")
  var credits: String?
  @Option(help: "Tokens for equity: tokens=N,agreed=PRICE and percent=P% or pre=PRE_MONEY.")
  var tokenOffer: String?
  @Option(help: "The offered token (default: the workspace's only token).")
  var token: String?
  @Option(help: "The token's market price (default: the last recorded on or before --as-of).")
  var marketPrice: String?
  @Option(help: "The provider in the token offer (default: the token's issuer).")
  var provider: String?
  @Option(help: "The token price fall to value the offers at (default 50%).")
  var drop: String = "50%"
  @OptionGroup var asOf: AsOfOption
  @OptionGroup var runway: RunwayOptions
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    if !offerNames.isEmpty { return try compareStored(store, company) }
    let ledger = try store.ledger(for: company.id)
    let date = asOf.date(ledger)
    let table = try ledger.replay(asOf: date)
    let market = try store.tokenMarket()
    let offers = try self.offers()
    let offeredToken = try FinancingComparison.offeredToken(
      token, in: market, tokenOffer: tokenOffer != nil, marketPriceGiven: marketPrice != nil,
      field: "--token")
    guard !offers.isEmpty else {
      throw InputError.missing(
        field: "an offer", expected: "at least one of --cash-offer, --credits, --token-offer")
    }
    let providerID = FinancingComparison.provider(named: provider, token: offeredToken, in: table)
    let outcomes = try FinancingComparison.compare(
      need: try Parse.amount(need ?? "", "--need"), offers: offers, on: table, token: offeredToken,
      market: market, marketPrice: try marketPrice.map { try Parse.amount($0, "--market-price") },
      provider: providerID,
      runway: try runway.inputs(defaultUnitPrice: offeredToken?.pegPerUnit),
      drop: try AmountParser.percentage(drop, field: "--drop"))
    emit(
      ComparisonReport.render(
        outcomes, company: company, date: date, unit: offeredToken?.unit ?? "compute unit",
        provider: provider ?? offeredToken.map { table.name(of: $0.issuer) } ?? "",
        format: output.format.view, laterEntries: AsOf.json(ledger, date)))
    AsOf.printNote(ledger, date, format: output.format)
  }

  /// The offers the options describe, in the order cash, credits, tokens.
  func offers() throws -> [FinancingComparison.Offer] {
    typealias Offer = FinancingComparison.Offer
    return [
      try cashOffer.map { try Offer.cash(parsing: $0, field: "--cash-offer") },
      try credits.map { try Offer.credits(parsing: $0, field: "--credits") },
      try tokenOffer.map { try Offer.tokens(parsing: $0, field: "--token-offer") },
    ].compactMap { $0 }
  }
}
