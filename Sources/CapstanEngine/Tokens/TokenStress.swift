import CapstanModel

/// One stress scenario: the company's compute tokens at a price on a date.
public struct TokenStressRow: Sendable, Hashable {
  /// `market`, `-50%`, or a path date.
  public var label: String
  /// The date the balances are taken on.
  public var date: CalendarDate
  /// The price used per token symbol (upper-cased).
  public var prices: [String: Ratio]
  /// Tokens held (locked + available), all grants.
  public var heldTokens: TokenAmount
  /// Held tokens at the scenario's prices.
  public var heldValue: Ratio
  /// Held tokens at their agreed prices.
  public var heldAgreedValue: Ratio
  /// Held value − agreed value.
  public var unrealisedGain: Ratio
  /// Sum over grants of what the held tokens fall short of their agreed value.
  public var fundingGap: Ratio
  /// Granted tokens at the scenario's prices ÷ shares issued for them (grants with equity).
  public var effectivePricePerShare: Ratio?
  /// Compute units the held tokens redeem for.
  public var heldUnits: Ratio
  /// Runway redeeming the tokens for compute as they unlock (nil: not given, or past the
  /// projection's horizon).
  public var runwayRedeeming: Ratio?
  /// Runway selling the tokens as they unlock at the scenario's prices (locked tokens are never
  /// sold).
  public var runwaySelling: Ratio?
  /// The month-by-month projection redeeming the tokens (nil without runway inputs).
  public var projection: RunwayProjection?
  /// For an offer's tokens: which base price each token has and why (a peg or agreed price
  /// standing in for a missing market price); empty for a closed round's grants.
  public var priceNotes: [TokenPriceNote] = []
}

/// Mark-to-market, funding gap, effective price per share and runway under price shocks and
/// along a price path.
public enum TokenStress {
  /// The baseline (market prices on `date`), then each shock applied to them, then each date
  /// of `path` (its prices per symbol; a symbol the path does not price keeps its market
  /// price). Price gates see the recorded series, plus the path's marks for path rows.
  public static func run(
    _ positions: [ComputeGrantPosition], market: TokenMarket, asOf date: CalendarDate,
    shocks: [Ratio] = [], path: [TokenPriceMark] = [], runway: RunwayInputs? = nil
  ) throws(TokenError) -> [TokenStressRow] {
    let symbols = Set(positions.map { $0.grant.symbol.uppercased() })
    var tokens: [String: ComputeToken] = [:]
    var base: [String: Ratio] = [:]
    for symbol in symbols {
      guard let token = market.tokens[symbol] else {
        throw .invalid("no compute token '\(symbol)' in the workspace")
      }
      tokens[symbol] = token
      base[symbol] = market.price(symbol, on: date) ?? token.peg
    }
    for position in positions where base[position.grant.symbol.uppercased()] == nil {
      base[position.grant.symbol.uppercased()] = position.grant.agreedPrice
    }
    var rows = [
      row("market", date, base, positions, tokens, { market.prices($0) }, runway, path: false)
    ]
    for shock in shocks {
      guard shock >= -Ratio.one else {
        throw .invalid("a shock of \(shock.percentString()) would make prices negative")
      }
      let shocked = base.mapValues { $0 * (.one + shock) }
      let label = (shock.isNegative ? "" : "+") + shock.percentString(places: 0)
      rows.append(
        row(label, date, shocked, positions, tokens, { market.prices($0) }, runway, path: false))
    }
    guard !path.isEmpty else { return rows }
    var merged: [String: TokenPriceSeries] = [:]
    for symbol in symbols {
      let own = path.filter { $0.symbol.uppercased() == symbol }
      merged[symbol] = TokenPriceSeries(market.prices(symbol).marks + own)
    }
    let byDate = Dictionary(grouping: path, by: \.date)
    var current = base
    for day in byDate.keys.sorted() {
      for mark in byDate[day] ?? [] { current[mark.symbol.uppercased()] = mark.price }
      rows.append(
        row(
          day.iso, day, current, positions, tokens,
          { merged[$0.uppercased()] ?? TokenPriceSeries() }, runway, path: true))
    }
    return rows
  }

  static func row(
    _ label: String, _ date: CalendarDate, _ prices: [String: Ratio],
    _ positions: [ComputeGrantPosition], _ tokens: [String: ComputeToken],
    _ series: (String) -> TokenPriceSeries, _ runway: RunwayInputs?, path: Bool
  ) -> TokenStressRow {
    var held = TokenAmount.zero
    var value = Ratio.zero
    var agreed = Ratio.zero
    var gap = Ratio.zero
    var units = Ratio.zero
    var grantedValue = Ratio.zero
    var equityShares = Shares.zero
    for position in positions {
      let symbol = position.grant.symbol.uppercased()
      let price = prices[symbol] ?? position.grant.agreedPrice
      let balances = position.balances(asOf: date, prices: series(symbol))
      let heldHere = balances.held.ratio
      held += balances.held
      value += heldHere * price
      agreed += heldHere * position.grant.agreedPrice
      if price < position.grant.agreedPrice {
        gap += heldHere * (position.grant.agreedPrice - price)
      }
      units += heldHere * (tokens[symbol]?.unitsPerToken ?? .one)
      if let equity = position.grant.equity {
        grantedValue += position.grant.tokens.ratio * price
        equityShares += equity.shares
      }
    }
    // Runway month by month from the date: what is available now, then what unlocks; a path
    // row sells at the path's later marks, a shock row at its own prices throughout.
    let supplies = positions.map { position in
      let symbol = position.grant.symbol.uppercased()
      return RunwayProjection.Supply.position(
        position, start: date, token: tokens[symbol], prices: series(symbol))
    }
    func priceOn(_ symbol: String, _ day: CalendarDate) -> Ratio {
      let key = symbol.uppercased()
      return (path ? series(key).price(on: day) : nil) ?? prices[key] ?? .zero
    }
    let redeeming = runway.map {
      RunwayProjection($0, supplies: supplies, start: date, policy: .redeem, price: priceOn)
    }
    let selling = runway.map {
      RunwayProjection($0, supplies: supplies, start: date, policy: .sell, price: priceOn)
    }
    return TokenStressRow(
      label: label, date: date, prices: prices, heldTokens: held, heldValue: value,
      heldAgreedValue: agreed, unrealisedGain: value - agreed, fundingGap: gap,
      effectivePricePerShare: equityShares > .zero ? grantedValue / equityShares.ratio : nil,
      heldUnits: units, runwayRedeeming: redeeming?.runway, runwaySelling: selling?.runway,
      projection: redeeming)
  }
}
