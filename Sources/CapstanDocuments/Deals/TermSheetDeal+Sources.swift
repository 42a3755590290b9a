import CapstanEngine
import CapstanModel

extension TermSheetDeal {
  /// The deal of a saved round on a company's ledger; a closed round is modelled on the ledger
  /// as it stood before the close, so its term sheet shows the numbers it closed with.
  ///
  /// `closings` are the company's `Workspace.roundClosings(for:)`, which say what each close
  /// wrote (none: a close is inferred, `Ledger.beforeClosingInferred(of:)`). A close whose
  /// transactions are all voided leaves the round as saved, not closed.
  ///
  /// A round with a token investor (`--invest-tokens`) carries its compute-for-equity terms,
  /// the token looked up in `market` (`provider` chooses when there are several).
  public static func saved(
    _ round: SavedRound, ledger: Ledger, closings: [RoundCloseRecord] = [],
    market: TokenMarket = TokenMarket(), provider: String? = nil
  ) throws -> TermSheetDeal {
    let before = ledger.beforeClosing(of: round, closings: closings)
    let base = before ?? ledger
    let model = try round.model(on: base)
    var deal = TermSheetDeal(
      company: base.company.name, currency: base.company.currency, roundName: round.name,
      result: model.result, newClass: round.terms.newClass, antiDilution: model.antiDilution,
      existingPreferredRanks: base.classes.compactMap { $0.preference?.seniority },
      safes: model.input.safes,
      closed: before != nil && ledger.standsClosed(round, closings: closings))
    deal.conversionSeries = base.company.conversionSeries
    deal.computeSAFEs = model.table.computeSAFEs
    deal.revenueShares = revenueShares(ledger, on: round.closing)
    let tokens = market.tokens.mapValues { token in
      ComputeEquityTerms.Token(
        symbol: token.symbol, unit: token.unit, unitsPerToken: token.unitsPerToken,
        issuer: ledger.stakeholders[token.issuer]?.name ?? token.issuer.rawValue)
    }
    try deal.attachCompute(
      round.terms.tokenInvestments, tokens: tokens, prices: market.series, provider: provider)
    try deal.attachTokenLegs(round.terms.tokenInvestments, tokens: tokens, prices: market.series)
    return deal
  }

  /// The deal of a round in a scenario file (`name`, or the last round when nil).
  ///
  /// Scenario files carry no charter terms for the new class, so it gets the defaults of
  /// `round save`: 1x non-participating, senior, broad-based weighted average.
  public static func scenario(_ scenario: Scenario, round name: String?, provider: String? = nil)
    throws -> TermSheetDeal
  {
    let outcome = try scenario.evaluate()
    var rounds: [(String, RoundResult)] = []
    for case .round(let roundName, let result) in outcome.steps {
      rounds.append((roundName, result))
    }
    let chosen =
      name.map { wanted in rounds.last { $0.0.lowercased() == wanted.lowercased() } }
      ?? rounds.last
    guard let (roundName, result) = chosen else {
      let known = rounds.map(\.0).joined(separator: ", ")
      throw DocumentError.dealMismatch(
        name.map {
          "the scenario has no round named \($0) (rounds: \(known.isEmpty ? "none" : known))"
        } ?? "the scenario has no priced round to put on a term sheet")
    }
    let converted = Set(result.conversions.map(\.id))
    var deal = TermSheetDeal(
      company: scenario.company, currency: scenario.currency, roundName: roundName,
      result: result,
      newClass: NewClassTerms(name: roundName, preference: LiquidationPreference(seniority: 1)),
      safes: scenario.safes.filter { converted.contains($0.id) })
    var investments: [TokenInvestment] = []
    for case .round(let round) in scenario.events where round.name == roundName {
      investments = round.tokenInvestments
    }
    let tokens = Dictionary(
      scenario.tokens.map {
        (
          $0.symbol.uppercased(),
          ComputeEquityTerms.Token(
            symbol: $0.symbol, unit: $0.unit, unitsPerToken: $0.unitsPerToken, issuer: $0.issuer)
        )
      }, uniquingKeysWith: { a, _ in a })
    let prices = Dictionary(grouping: scenario.tokenPrices) { $0.symbol.uppercased() }
      .mapValues { TokenPriceSeries($0) }
    try deal.attachCompute(investments, tokens: tokens, prices: prices, provider: provider)
    try deal.attachTokenLegs(investments, tokens: tokens, prices: prices)
    return deal
  }

  /// The SAFE named by id or holder (case-insensitive), or the only one when `name` is nil.
  public func safe(named name: String?) throws(DocumentError) -> SAFE? {
    guard let name else { return safes.count == 1 ? safes.first : nil }
    let wanted = name.lowercased()
    guard
      let safe = safes.first(where: {
        $0.id.rawValue.lowercased() == wanted || $0.holder.name.lowercased() == wanted
      })
    else {
      let known = safes.map { "\($0.id.rawValue) (\($0.holder))" }.joined(separator: ", ")
      throw DocumentError.dealMismatch(
        "\(roundName) converts no SAFE named \(name) (SAFEs: \(known.isEmpty ? "none" : known))")
    }
    return safe
  }
}
