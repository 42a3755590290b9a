import CapstanEngine
import CapstanModel

extension TermSheetDeal {
  /// Attaches the compute-for-equity terms of every token investor of the round (the
  /// round-level sheet's token section), each token looked up in `tokens` and its market price
  /// on the closing date in `prices`.
  ///
  /// - Throws: `dealMismatch` naming the investor whose token is not defined.
  public mutating func attachTokenLegs(
    _ investments: [TokenInvestment], tokens: [String: ComputeEquityTerms.Token],
    prices: [String: TokenPriceSeries]
  ) throws(DocumentError) {
    var legs: [ComputeEquityTerms] = []
    for investment in investments {
      let symbol = investment.symbol.uppercased()
      guard let token = tokens[symbol] else {
        throw DocumentError.dealMismatch(
          "\(investment.investor) pays in \(investment.symbol), which is not defined (capstan token add)"
        )
      }
      legs.append(
        ComputeEquityTerms(
          investment, token: token, closing: result.closing,
          marketPrice: prices[symbol]?.price(on: result.closing)))
    }
    tokenLegs = legs
  }

  /// The token investors' terms with their lines of `result.investors`.
  ///
  /// Token investors come last among the round's investors, in the terms' order, so a line is
  /// found by position (a holder investing cash too has two lines); its name must still be the
  /// provider's. Terms set by hand (`compute` without `tokenLegs`) are found by name.
  func tokenLines() throws(DocumentError) -> [(terms: ComputeEquityTerms, line: Int)] {
    let investors = result.investors
    let names = investors.map(\.name).joined(separator: ", ")
    guard !tokenLegs.isEmpty else {
      guard let compute else { return [] }
      guard let line = investors.firstIndex(where: { $0.name == compute.provider }) else {
        throw DocumentError.dealMismatch(
          "the compute provider \(compute.provider) does not invest in \(roundName) (investors: \(names))"
        )
      }
      return [(compute, line)]
    }
    let first = investors.count - tokenLegs.count
    var lines: [(terms: ComputeEquityTerms, line: Int)] = []
    for (index, leg) in tokenLegs.enumerated() {
      let line = first + index
      guard investors.indices.contains(line), investors[line].name == leg.provider else {
        throw DocumentError.dealMismatch(
          "the token investor \(leg.provider) has no line of its own in \(roundName) (investors: \(names))"
        )
      }
      lines.append((leg, line))
    }
    return lines
  }

  /// The round-level fields of the token investors: `has_token_investors`, `cash_raised`,
  /// `token_investment`, the `token_investors` list (each row the compute-for-equity names of
  /// one investor) and the `signatories` (each investor once, in the round's order).
  func roundLegFields(
    _ lines: [(terms: ComputeEquityTerms, line: Int)], _ format: TermSheetFormat
  ) throws(DocumentError) -> [String: TermSheetValue] {
    var fields = TermSheetFields()
    var rows: [TermSheetFields] = []
    var tokenValue = Ratio.zero
    for (terms, line) in lines {
      let investor = result.investors[line]
      guard investor.amount == terms.investment else {
        throw DocumentError.dealMismatch(
          "\(terms.provider) invests \(format.money(investor.amount)) in \(roundName), but its tokens at the agreed price come to \(format.money(terms.investment))"
        )
      }
      tokenValue = tokenValue + terms.investment
      var row = TermSheetFields()
      row.values = legFields(terms, investor: investor, format)
      // A term this investor lacks is false in its row, so that Mustache does not find the
      // chosen provider's (`compute`, merged at the top) up the context stack instead.
      for name in ["price_volatility", "market_price", "token_expiry"] where row[name] == nil {
        row[name] = .flag(false)
      }
      // Likewise the clawback events: when the chosen provider names its own, an investor
      // naming none gets the default text (not the chosen provider's, nor `--set`'s).
      if row["clawback_events"] == nil && compute?.clawbackOn != nil {
        row.set("clawback_events", TermSheetSettings.defaultClawbackEvents)
      }
      rows.append(row)
    }
    let cash = result.investors.enumerated()
      .filter { line, _ in !lines.contains { $0.line == line } }
      .reduce(Ratio.zero) { $0 + $1.element.amount }
    fields["has_token_investors"] = .flag(!rows.isEmpty)
    fields["token_investors"] = .list(rows)
    fields.set("cash_raised", format.money(cash))
    fields.set("token_investment", format.money(tokenValue))
    var seen: Set<String> = []
    var signatories: [TermSheetFields] = []
    for investor in result.investors where seen.insert(investor.name).inserted {
      var row = TermSheetFields()
      row.set("name", investor.name)
      signatories.append(row)
    }
    fields["signatories"] = .list(signatories)
    return fields.values
  }

  /// "1,500,000 H100H Tokens × $2.00" for the investors table.
  func considerationText(_ terms: ComputeEquityTerms, _ format: TermSheetFormat) -> String {
    "\(format.count(terms.tokens)) \(terms.token.symbol) Tokens × "
      + format.exactPrice(terms.agreedTokenPrice)
  }

  /// The class as the sheet's short name: "Series A Preferred" (the class name, "Preferred"
  /// added unless it says so, a trailing "Stock" taken off), so a class named "Seed Preferred"
  /// never reads "Seed Preferred Preferred".
  var preferredName: String {
    var name = newClass.name.trimmingSpaces
    if name.lowercased().hasSuffix(" stock") { name = String(name.dropLast(" stock".count)) }
    return name.lowercased().contains("preferred") ? name : name + " Preferred"
  }
}
