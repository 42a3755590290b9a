extension CapTable {
  /// Records a compute grant, checking its terms and the equity it names.
  mutating func grantCompute(_ grant: ComputeGrant, on date: CalendarDate) throws(LedgerError) {
    try requireHolder(grant.provider)
    guard grant.tokens > .zero else {
      throw .invalidTerms(grant.security, "a compute grant needs a positive number of tokens")
    }
    guard !grant.agreedPrice.isNegative else {
      throw .negativePrice(what: "compute grant \(grant.security)")
    }
    guard !grant.symbol.trimmingSpaces.isEmpty else {
      throw .invalidTerms(grant.security, "a compute grant needs a token symbol")
    }
    if let problem = grant.unlock.problem(for: grant.tokens) {
      throw .invalidTerms(grant.security, problem)
    }
    if let expires = grant.expires, expires < date {
      throw .invalidTerms(
        grant.security, "the tokens expire (\(expires)) before the grant (\(date))")
    }
    if let equity = grant.equity {
      guard let stock = stock[equity.security] else {
        throw .invalidTerms(
          grant.security, "the equity \(equity.security) is not an open stock security")
      }
      guard stock.holder == grant.provider else {
        throw .invalidTerms(
          grant.security,
          "the equity \(equity.security) belongs to \(name(of: stock.holder)), not \(name(of: grant.provider))"
        )
      }
      guard equity.shares > .zero, equity.shares <= stock.quantity else {
        throw .invalidTerms(
          grant.security,
          "the grant's \(equity.shares) shares are not within \(equity.security)'s \(stock.quantity)"
        )
      }
    }
    try claim(grant.security)
    computeGrants[grant.security] = ComputeGrantPosition(grant: grant, date: date)
  }

  /// The grant a token event names.
  func requireComputeGrant(_ id: SecurityID, on date: CalendarDate) throws(LedgerError)
    -> ComputeGrantPosition
  {
    guard let position = computeGrants[id] else {
      if stock[id] != nil || options[id] != nil {
        throw .wrongSecurityKind(id, expected: "a compute grant")
      }
      throw .unknownSecurity(id, date: date)
    }
    return position
  }

  /// Tokens the company can still redeem or sell on `date`, as far as the ledger alone knows:
  /// exact for time-based schedules; a price-gated schedule counts every token not clawed back
  /// (the workspace checks its price gate against the market before recording).
  func usableTokens(_ position: ComputeGrantPosition, on date: CalendarDate) -> TokenAmount {
    if let expires = position.grant.expires, date > expires { return .zero }
    let prices =
      position.grant.unlock.isPriceGated
      ? TokenPriceSeries([TokenPriceMark(symbol: "", date: position.date, price: Ratio(Int64.max))])
      : TokenPriceSeries()
    return position.balances(asOf: date, prices: prices).available
  }

  /// Records tokens redeemed for compute or sold.
  mutating func useTokens(
    _ grant: SecurityID, _ tokens: TokenAmount, salePrice: Ratio?, on date: CalendarDate
  ) throws(LedgerError) {
    let position = try requireComputeGrant(grant, on: date)
    guard tokens > .zero else {
      throw .invalidTerms(grant, "a redemption or sale needs a positive number of tokens")
    }
    if let salePrice, salePrice.isNegative { throw .negativePrice(what: "sale of \(grant)") }
    if let expires = position.grant.expires, date > expires {
      throw .invalidTerms(grant, "the tokens expired on \(expires); nothing is left on \(date)")
    }
    let usable = usableTokens(position, on: date)
    guard tokens <= usable else {
      throw .tokensUnavailable(grant: grant, available: usable, requested: tokens, date: date)
    }
    computeGrants.update(grant) { position in
      if let salePrice {
        position.sold += tokens
        position.saleProceeds += tokens.ratio * salePrice
      } else {
        position.redeemed += tokens
      }
    }
  }

  /// Records the clawback of a grant's still-locked tokens.
  mutating func clawback(_ clawback: TokenClawback, on date: CalendarDate) throws(LedgerError) {
    let position = try requireComputeGrant(clawback.grant, on: date)
    guard position.grant.clawbackOn != nil else {
      throw .invalidTerms(clawback.grant, "the grant has no clawback clause")
    }
    guard position.clawbackDate == nil else {
      throw .invalidTerms(clawback.grant, "its locked tokens were already clawed back")
    }
    guard clawback.tokens > .zero else {
      throw .invalidTerms(clawback.grant, "no tokens are locked on \(date) to claw back")
    }
    let room = position.grant.tokens - position.redeemed - position.sold
    guard clawback.tokens <= room else {
      throw .tokensUnavailable(
        grant: clawback.grant, available: room, requested: clawback.tokens, date: date)
    }
    computeGrants.update(clawback.grant) { position in
      position.clawedBack = clawback.tokens
      position.clawbackDate = date
    }
  }
}
