import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// `capstan compare`: a cash round, cloud credits and compute tokens for equity, side by side.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare financing: a cash round, cloud credits, compute tokens for equity.",
    discussion: """
      Example:
        capstan compare --need 3M --cash-offer pre=18M,amount=3M --credits amount=3M,expires=12m \\
          --token-offer tokens=1.5M,agreed=2.00,pre=18M --token H100H --as-of 2026-06-01 \\
          --cash 1M --cash-burn 150k --gpu-hours 40,000
      Shows founders' dilution, the new investor's fully diluted stake, compute bought at market
      prices, runway, value if the token falls by --drop (default 50%), liquidity, and the
      provider's fully diluted and voting stakes and share of the company's compute.
      Dilution is measured on the company's fully diluted shares on the date (no pool top-up).
      """)

  @Option(help: "The amount the company needs.")
  var need: String
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
  @Option(help: "The date (default: today; latest: the last dated entry).")
  var asOf: String?
  @OptionGroup var runway: RunwayOptions
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let ledger = try store.ledger(for: company.id)
    let date = try AsOf.date(asOf, ledger)
    let table = try ledger.replay(asOf: date)
    let market = try store.tokenMarket()
    var offers: [FinancingComparison.Offer] = []
    if let cashOffer {
      let fields = try Self.fields(cashOffer, "--cash-offer", ["pre", "amount"])
      offers.append(
        .cash(
          preMoney: try Parse.amount(fields["pre"] ?? "", "--cash-offer pre"),
          amount: try Parse.amount(fields["amount"] ?? "", "--cash-offer amount")))
    }
    if let credits {
      let fields = try Self.fields(credits, "--credits", ["amount", "expires"])
      let text = (fields["expires"] ?? "").lowercased()
      let digits = text.hasSuffix("m") ? String(text.dropLast()) : text
      guard let months = Int(digits), months > 0 else {
        throw InputError.invalid(
          field: "--credits expires", input: text, expected: "months, e.g. expires=12m")
      }
      offers.append(
        .credits(
          amount: try Parse.amount(fields["amount"] ?? "", "--credits amount"),
          expiresMonths: months))
    }
    var offeredToken: ComputeToken?
    if let tokenOffer {
      let fields = try Self.fields(tokenOffer, "--token-offer", ["tokens", "agreed"])
      let stake: FinancingComparison.TokenStake
      switch (fields["percent"], fields["pre"]) {
      case (let percent?, nil):
        stake = .percent(try AmountParser.percentage(percent, field: "--token-offer percent"))
      case (nil, let pre?):
        stake = .preMoney(try Parse.amount(pre, "--token-offer pre"))
      default:
        throw InputError.invalid(
          field: "--token-offer", input: tokenOffer, expected: "either percent=P% or pre=AMOUNT")
      }
      offers.append(
        .tokens(
          tokens: try AmountParser.tokens(fields["tokens"] ?? "", field: "--token-offer tokens"),
          agreedPrice: try Parse.amount(fields["agreed"] ?? "", "--token-offer agreed"),
          stake: stake))
      if let token {
        offeredToken = try market.token(token)
      } else if market.tokens.count == 1 {
        offeredToken = market.tokens.values.first
      } else if marketPrice == nil {
        throw InputError.invalid(
          field: "--token", input: "", expected: "the offered token's symbol (or --market-price)")
      }
    }
    guard !offers.isEmpty else {
      throw InputError.invalid(
        field: "compare", input: "",
        expected: "at least one of --cash-offer, --credits, --token-offer")
    }
    let spot =
      try marketPrice.map { try Parse.amount($0, "--market-price") }
      ?? offeredToken.flatMap { market.price($0.symbol, on: date) ?? $0.peg } ?? .zero
    let units = offeredToken?.unitsPerToken ?? .one
    let inputs = try runway.inputs(defaultUnitPrice: offeredToken?.peg.map { $0 / units })
    let providerName =
      provider ?? offeredToken.map { table.name(of: $0.issuer) } ?? ""
    let providerID: Stakeholder.ID? =
      if let provider {
        Stakeholder.named(provider, in: table.stakeholders.values)?.id
      } else {
        offeredToken?.issuer
      }
    let outcomes = try FinancingComparison.compare(
      need: try Parse.amount(need, "--need"),
      company: FinancingComparison.Company(
        CompanyCapitalization(table), provider: providerID, runway: inputs),
      offers: offers, marketPrice: spot, unitsPerToken: units,
      drop: try AmountParser.percentage(drop, field: "--drop"))
    emit(
      CompareOutput.render(
        outcomes, company: company, date: date, unit: offeredToken?.unit ?? "compute unit",
        provider: providerName, format: output.format, laterEntries: AsOf.json(ledger, date)))
    AsOf.printNote(ledger, date, format: output.format)
  }

  /// `key=value,key=value`, requiring `required` keys.
  static func fields(_ text: String, _ field: String, _ required: [String]) throws
    -> [String: String]
  {
    var result: [String: String] = [:]
    // Values may hold grouping commas (1,500,000): a part without `=` continues the last value.
    var last: String?
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
      if pieces.count == 2 {
        let key = pieces[0].trimmingCharacters(in: .whitespaces).lowercased()
        result[key] = pieces[1]
        last = key
      } else if let key = last {
        result[key, default: ""] += "," + part
      } else {
        throw InputError.invalid(field: field, input: text, expected: "KEY=VALUE pairs")
      }
    }
    for key in required where result[key] == nil {
      throw InputError.invalid(field: field, input: text, expected: "\(key)=... among the pairs")
    }
    return result
  }
}

/// How `capstan compare` prints.
enum CompareOutput {
  static func render(
    _ outcomes: [FinancingComparison.Outcome], company: Company, date: CalendarDate,
    unit: String, provider: String, format: OutputFormat, laterEntries: JSON = .null
  ) -> String {
    let money = { (value: Ratio) in Money(value, company.currency).formatted }
    let percent = { (value: Ratio?) in value.map { $0.percentString(places: 2) } ?? "-" }
    let metrics: [(key: String, title: String, value: (FinancingComparison.Outcome) -> String)] = [
      ("amount", "Counted as", { money($0.amount) }),
      ("covers_need", "Covers the need", { $0.coversNeed ? "yes" : "no" }),
      ("founders_dilution", "Founders' dilution", { percent($0.foundersDilution) }),
      (
        "investor_fully_diluted", "New investor, fully diluted",
        { percent($0.investorFullyDiluted) }
      ),
      ("new_shares", "New shares", { $0.newShares.decimalString(places: 0, grouping: true) }),
      ("post_money", "Post-money", { $0.postMoney.map(money) ?? "-" }),
      (
        "compute_units", "Compute bought (\(unit)s)",
        { $0.computeUnits.decimalString(places: 0, grouping: true) }
      ),
      (
        "runway_months", "Runway (months)",
        { $0.runwayMonths.map { $0.decimalString(places: 1) } ?? "-" }
      ),
      ("value_today", "Value today", { money($0.valueToday) }),
      ("value_after_drop", "Value if the token falls", { money($0.valueAfterDrop) }),
      ("liquidity", "Liquidity", { $0.liquidity }),
      ("provider_fully_diluted", "Provider, fully diluted", { percent($0.providerFullyDiluted) }),
      ("provider_voting", "Provider, voting", { percent($0.providerVoting) }),
      (
        "provider_compute_share", "Provider's share of compute",
        { percent($0.providerComputeShare) }
      ),
    ]
    switch format {
    case .csv:
      return CSV.render(
        header: ["metric"] + outcomes.map(\.name),
        rows: metrics.map { metric in [metric.key] + outcomes.map(metric.value) })
    case .json:
      return JSON.object([
        ("company", .string(company.name)), ("as_of", .string(date.iso)),
        ("provider", .string(provider)),
        (
          "offers",
          .array(
            outcomes.map { outcome in
              .object(
                [("offer", .string(outcome.name))]
                  + metrics.map { ($0.key, .string($0.value(outcome))) })
            })
        ),
        ("later_entries", laterEntries),
      ]).render()
    case .text:
      var table = TextTable([("", .left)] + outcomes.map { ($0.name.capitalized, .right) })
      for metric in metrics where metric.key != "liquidity" {
        table.add([metric.title] + outcomes.map(metric.value))
      }
      var text =
        "\(company.name): financing compared as of \(date)"
        + (provider.isEmpty ? "" : " (provider: \(provider))") + "\n\n" + table.render()
      text += "\nLiquidity\n"
      for outcome in outcomes { text += "  \(outcome.name): \(outcome.liquidity)\n" }
      return text
    }
  }
}
