import CapstanModel

extension TokenStress {
  /// An offer's tokens under price scenarios before anything is closed (`tokens stress
  /// --offer`): the baseline at the market on the closing date, each shock, then each date of
  /// `path`. Tokens held are every token the offer pays (all locked until its schedule
  /// delivers them); the effective price per share is the tokens at the scenario's price ÷
  /// the shares the round engine gives for them. Runway is projected month by month from the
  /// closing with `runway`'s cash only (the cash before the round's money arrives): tokens are
  /// redeemed, or sold, only once unlocked.
  public static func offer(
    _ priced: PricedOffer, market: TokenMarket, shocks: [Ratio] = [],
    path: [TokenPriceMark] = [], runway: RunwayInputs? = nil
  ) throws(TokenError) -> [TokenStressRow] {
    let offer = priced.offer
    let investments = offer.terms.tokenInvestments
    guard !investments.isEmpty else {
      throw .invalid("offer '\(offer.name)' pays no compute tokens")
    }
    let inputs = OfferComparison.Inputs(
      runway: runway
        ?? RunwayInputs(
          cash: .zero, monthlyCashBurn: .zero, monthlyComputeUnits: .zero, computeUnitPrice: .zero),
      drop: .zero, market: market)
    var projection = OfferProjection(offer: offer, inputs: inputs, includingOfferCash: false)
    projection.supplies.removeAll { !$0.sellable }
    let base = projection.basePrices
    var rows = [
      row(priced, "market", offer.closing, base, projection, runway != nil)
    ]
    for shock in shocks {
      guard shock >= -Ratio.one else {
        throw .invalid("a shock of \(shock.percentString()) would make prices negative")
      }
      let label = (shock.isNegative ? "" : "+") + shock.percentString(places: 0)
      var shocked = projection
      shocked.basePrices = base.mapValues { $0 * (.one + shock) }
      rows.append(
        row(priced, label, offer.closing, shocked.basePrices, shocked, runway != nil))
    }
    guard !path.isEmpty else { return rows }
    var followed = projection
    followed.path = Dictionary(grouping: path) { $0.symbol.uppercased() }.mapValues {
      TokenPriceSeries($0)
    }
    for day in Set(path.map(\.date)).sorted() {
      let prices = Dictionary(
        uniqueKeysWithValues: base.keys.map { ($0, followed.price($0, on: day)) })
      rows.append(row(priced, day.iso, day, prices, followed, runway != nil))
    }
    return rows
  }

  /// One scenario of an offer's tokens at `prices`, the projection selling at its own prices
  /// (a path's marks from its dates).
  static func row(
    _ priced: PricedOffer, _ label: String, _ date: CalendarDate, _ prices: [String: Ratio],
    _ projection: OfferProjection, _ withRunway: Bool
  ) -> TokenStressRow {
    var (held, value, agreed, gap, units, shares) = (
      TokenAmount.zero, Ratio.zero, Ratio.zero, Ratio.zero, Ratio.zero, Shares.zero
    )
    for investment in priced.offer.terms.tokenInvestments {
      let symbol = investment.symbol.uppercased()
      let price = prices[symbol] ?? investment.agreedPrice
      let tokens = investment.tokens.ratio
      held += investment.tokens
      value += tokens * price
      agreed += tokens * investment.agreedPrice
      if price < investment.agreedPrice { gap += tokens * (investment.agreedPrice - price) }
      units +=
        tokens
        * (projection.supplies.first { $0.symbol == investment.symbol }?
          .unitsPerToken ?? .one)
      shares +=
        priced.result.investors.first { $0.investor.name == investment.investor }?
        .shares ?? .zero
    }
    let redeeming = withRunway ? projection.run(.redeem, drop: .zero) : nil
    let selling = withRunway ? projection.run(.sell, drop: .zero) : nil
    return TokenStressRow(
      label: label, date: date, prices: prices, heldTokens: held, heldValue: value,
      heldAgreedValue: agreed, unrealisedGain: value - agreed, fundingGap: gap,
      effectivePricePerShare: shares > .zero ? value / shares.ratio : nil, heldUnits: units,
      runwayRedeeming: redeeming?.runway, runwaySelling: selling?.runway,
      projection: redeeming, priceNotes: projection.priceNotes)
  }
}
