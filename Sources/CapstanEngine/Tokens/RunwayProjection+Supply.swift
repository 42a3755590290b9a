import CapstanModel

extension RunwayProjection.Supply {
  /// The month index of `date` counted from `start` (the last month starting on or before it;
  /// nil before `start`).
  static func month(of date: CalendarDate, from start: CalendarDate) -> Int? {
    guard date >= start else { return nil }
    var m = 0
    while m < RunwayProjection.horizon, start.adding(months: m + 1) <= date { m += 1 }
    return m
  }

  /// The tokens an offer's token investor pays, from the closing `start`: nothing is available
  /// before its unlock schedule delivers it (all at closing without one).
  public static func investment(
    _ investment: TokenInvestment, start: CalendarDate, token: ComputeToken?,
    prices: TokenPriceSeries
  ) -> Self {
    let schedule = investment.unlock ?? .atGrant
    let cumulative = (0...RunwayProjection.horizon).map { m in
      schedule.unlocked(
        of: investment.tokens, asOf: start.adding(months: m), granted: start, prices: prices
      ).ratio
    }
    return Self(
      symbol: investment.symbol, unitsPerToken: token?.unitsPerToken ?? .one,
      cumulative: cumulative,
      lastUsableMonth: investment.expires.map { month(of: $0, from: start) ?? -1 },
      total: investment.tokens.ratio)
  }

  /// A compute grant's tokens from `start`: what is available on that date, then what its
  /// schedule unlocks later (nothing after a clawback or the expiry).
  public static func position(
    _ position: ComputeGrantPosition, start: CalendarDate, token: ComputeToken?,
    prices: TokenPriceSeries
  ) -> Self {
    let now = position.balances(asOf: start, prices: prices)
    let cumulative = (0...RunwayProjection.horizon).map { m in
      let later = position.balances(asOf: start.adding(months: m), prices: prices)
      return (now.available + (later.unlocked - now.unlocked)).ratio
    }
    return Self(
      symbol: position.grant.symbol, unitsPerToken: token?.unitsPerToken ?? .one,
      cumulative: cumulative,
      lastUsableMonth: position.grant.expires.map { month(of: $0, from: start) ?? -1 },
      total: (now.available + now.locked).ratio)
  }

  /// Compute credits worth `amount` at `unitPrice` a unit, all available from `start`, usable
  /// for `months` months (nil: no expiry); they cannot be sold.
  public static func credits(
    _ label: String, amount: Ratio, unitPrice: Ratio, months: Int?
  ) -> Self {
    let units = unitPrice > .zero ? amount / unitPrice : .zero
    return Self(
      symbol: label, unitsPerToken: .one, cumulative: [units],
      lastUsableMonth: months.map { $0 - 1 },
      total: units, sellable: false)
  }

  /// A compute-SAFE leg's commitment (units of compute, GPU-hours) from `start`: drawn as the
  /// company needs it from the month its window opens (the month containing its first day)
  /// through the month containing its last day; what is not drawn by then is not delivered.
  /// It cannot be sold.
  public static func computeSAFE(
    _ label: String, _ leg: Offer.ComputeSAFELeg, start: CalendarDate
  ) -> Self {
    let first = month(of: leg.windowStart, from: start) ?? 0
    let cumulative = (0...RunwayProjection.horizon).map { m in
      m >= first ? leg.commitment : .zero
    }
    return Self(
      symbol: label, unitsPerToken: .one, cumulative: cumulative,
      lastUsableMonth: month(of: leg.windowEnd, from: start) ?? -1, total: leg.commitment,
      sellable: false)
  }
}
