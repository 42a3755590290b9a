/// Compute-token actions: tokens and prices (workspace-wide) and compute grants (per company).
extension WorkspaceDraft {
  /// Adds a compute token; its symbol must be new. A new issuer is added as an institution.
  @discardableResult
  public mutating func addToken(
    symbol: String, issuer: String, unit: String, unitsPerToken: Ratio, peg: Ratio?
  ) throws -> ComputeToken {
    let trimmed = symbol.trimmingSpaces
    guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
    else {
      throw InputError.invalid(
        field: "SYMBOL", input: symbol, expected: "letters, digits and dashes, e.g. H100H")
    }
    guard try tokenMarket().tokens[trimmed.uppercased()] == nil else {
      throw LedgerError.duplicateName(kind: "compute token", name: trimmed)
    }
    guard unitsPerToken > .zero else {
      throw InputError.invalid(
        field: "--units-per-token", input: unitsPerToken.fractionString,
        expected: "a positive number")
    }
    let holder =
      try (try? stakeholder(named: issuer))
      ?? addStakeholder(
        name: issuer, kind: .institution)
    let token = ComputeToken(
      symbol: trimmed, issuer: holder.id, unit: unit.trimmingSpaces, unitsPerToken: unitsPerToken,
      peg: peg)
    try keep(tokens: [token], prices: [])
    return token
  }

  /// Records market prices; `sources` (parallel to `marks`, optional) name where each came
  /// from (`prices.csv:4`) for the error messages. A price already recorded for the same token
  /// and date is refused unless it is the same (then it is skipped).
  @discardableResult
  public mutating func recordTokenPrices(_ marks: [TokenPriceMark], sources: [String]? = nil)
    throws -> [TokenPriceMark]
  {
    let market = try tokenMarket()
    var seen: [String: (price: Ratio, source: String)] = [:]
    var kept: [TokenPriceMark] = []
    for (index, mark) in marks.enumerated() {
      let source = sources.map { $0[index] + ": " } ?? ""
      let token: ComputeToken
      do throws(LedgerError) {
        token = try market.token(mark.symbol)
      } catch {
        throw InputError.invalid(
          field: "\(source)symbol", input: mark.symbol, expected: "a known token (\(error))")
      }
      guard mark.price > .zero else {
        throw InputError.invalid(
          field: "\(source)price", input: mark.price.fractionString,
          expected: "a positive price per token")
      }
      let key = "\(token.symbol.uppercased())@\(mark.date.iso)"
      let normalized = TokenPriceMark(symbol: token.symbol, date: mark.date, price: mark.price)
      if let earlier = seen[key] {
        guard earlier.price == mark.price else {
          throw InputError.invalid(
            field: "\(source)price", input: mark.price.decimalString(places: 6, minimumPlaces: 2),
            expected:
              "one price per token per date (\(earlier.source.isEmpty ? "this input" : earlier.source) gives \(earlier.price.decimalString(places: 6, minimumPlaces: 2)) for \(token.symbol) on \(mark.date))"
          )
        }
        continue
      }
      seen[key] = (mark.price, sources?[index] ?? "")
      if let recorded = market.prices(token.symbol).marks.first(where: { $0.date == mark.date }) {
        guard recorded.price == mark.price else {
          throw InputError.invalid(
            field: "\(source)price", input: mark.price.decimalString(places: 6, minimumPlaces: 2),
            expected:
              "the price already recorded for \(token.symbol) on \(mark.date) (\(recorded.price.decimalString(places: 6, minimumPlaces: 2))); prices are append-only"
          )
        }
        continue
      }
      kept.append(normalized)
    }
    try keep(tokens: [], prices: kept)
    return kept
  }

  /// The terms of a compute grant as a person states them.
  public struct ComputeGrantTerms: Sendable {
    /// The provider's name (a stakeholder; added as an institution when new).
    public var provider: String
    /// The token.
    public var symbol: String
    /// Tokens granted.
    public var tokens: TokenAmount
    /// Agreed price per token.
    public var agreedPrice: Ratio
    /// Delivery schedule.
    public var unlock: UnlockSchedule
    /// Last redemption date.
    public var expires: CalendarDate?
    /// The clawback event, if any.
    public var clawbackOn: String?
    /// An existing stock security issued for the tokens, and how it is released.
    public var equity: (security: SecurityID, release: EquityConsideration.Release)?

    /// Terms.
    public init(
      provider: String, symbol: String, tokens: TokenAmount, agreedPrice: Ratio,
      unlock: UnlockSchedule, expires: CalendarDate? = nil, clawbackOn: String? = nil,
      equity: (security: SecurityID, release: EquityConsideration.Release)? = nil
    ) {
      self.provider = provider
      self.symbol = symbol
      self.tokens = tokens
      self.agreedPrice = agreedPrice
      self.unlock = unlock
      self.expires = expires
      self.clawbackOn = clawbackOn
      self.equity = equity
    }
  }

  /// The ledger event for a compute grant on a company, with a new `CG-n` id.
  public mutating func computeGrantEvent(
    _ terms: ComputeGrantTerms, date: CalendarDate, company: Company.ID, id: SecurityID? = nil,
    equityShares: Shares? = nil
  ) throws -> LedgerEvent {
    let token = try tokenMarket().token(terms.symbol)
    let ledger = try ledger(for: company)
    let provider =
      try (try? stakeholder(named: terms.provider))
      ?? addStakeholder(
        name: terms.provider, kind: .institution)
    var equity: EquityConsideration?
    if let (security, release) = terms.equity {
      let shares: Shares
      if let equityShares {
        shares = equityShares
      } else {
        let table = try ledger.replay(asOf: date)
        guard let stock = table.stock[security] else {
          throw LedgerError.unknownSecurity(security, date: date)
        }
        shares = stock.quantity
      }
      equity = EquityConsideration(security: security, shares: shares, release: release)
    }
    return .grantCompute(
      ComputeGrant(
        security: id ?? ledger.nextSecurityID(prefix: "CG"), provider: provider.id,
        symbol: token.symbol, tokens: terms.tokens, agreedPrice: terms.agreedPrice,
        unlock: terms.unlock, expires: terms.expires, clawbackOn: terms.clawbackOn,
        equity: equity))
  }

  /// Records a compute grant the company received.
  @discardableResult
  public mutating func grantCompute(
    _ terms: ComputeGrantTerms, date: CalendarDate, company: Company.ID
  ) throws -> Transaction {
    let event = try computeGrantEvent(terms, date: date, company: company)
    return try append([(date, event)], to: company)[0]
  }

  /// Redeems (or, with a price, sells) tokens of a symbol, taking them from the company's grants
  /// of that token oldest first; one transaction per grant drawn on.
  @discardableResult
  public mutating func useTokens(
    symbol: String, tokens: TokenAmount, salePrice: Ratio?, date: CalendarDate,
    company: Company.ID
  ) throws -> [Transaction] {
    let market = try tokenMarket()
    let token = try market.token(symbol)
    let table = try ledger(for: company).replay(asOf: date)
    let grants = table.computeGrants.values
      .filter { $0.grant.symbol.uppercased() == token.symbol.uppercased() }
      .sorted { ($0.date, $0.grant.security) < ($1.date, $1.grant.security) }
    var remaining = tokens
    var events: [(date: CalendarDate, event: LedgerEvent)] = []
    var available = TokenAmount.zero
    for position in grants where remaining > .zero {
      let free = position.balances(asOf: date, prices: market.prices(token.symbol)).available
      available += free
      let take = min(free, remaining)
      guard take > .zero else { continue }
      remaining -= take
      let grant = position.grant.security
      events.append(
        (
          date,
          salePrice.map { .sellTokens(TokenSale(grant: grant, tokens: take, price: $0)) }
            ?? .redeemTokens(TokenRedemption(grant: grant, tokens: take))
        ))
    }
    guard remaining == .zero else {
      throw InputError.invalid(
        field: salePrice == nil ? "token redeem" : "token sell", input: tokens.formatted,
        expected:
          "at most the \(available) \(token.symbol) tokens unlocked and unused on \(date)"
          + (grants.isEmpty ? " (the company has no compute grant of \(token.symbol))" : ""))
    }
    return try append(events, to: company)
  }

  /// Claws back every token of a grant still locked on `date`; when its shares are released in
  /// step, the shares not yet released are cancelled with it.
  @discardableResult
  public mutating func clawbackTokens(
    grant id: SecurityID, event: String, date: CalendarDate, company: Company.ID
  ) throws -> [Transaction] {
    let market = try tokenMarket()
    let ledger = try ledger(for: company)
    let table = try ledger.replay(asOf: date)
    guard let position = table.computeGrants[id] else {
      throw LedgerError.unknownSecurity(id, date: date)
    }
    let prices = market.prices(position.grant.symbol)
    let balances = position.balances(asOf: date, prices: prices)
    var events: [(date: CalendarDate, event: LedgerEvent)] = [
      (date, .clawbackTokens(TokenClawback(grant: id, tokens: balances.locked, event: event)))
    ]
    if let equity = position.grant.equity, equity.release == .inStep {
      let released = equity.released(unlocked: balances.unlocked, of: position.grant.tokens)
      let unreleased = equity.shares - released
      if unreleased > .zero, let stock = table.stock[equity.security] {
        let balance =
          unreleased < stock.quantity
          ? try balanceSecurity(from: equity.security, removing: unreleased, ledger, date) : nil
        events.append(
          (
            date,
            .cancel(
              Cancellation(
                security: equity.security, quantity: unreleased, balanceSecurity: balance,
                reason: "clawback of \(id): shares for undelivered tokens")
            )
          ))
      }
    }
    return try append(events, to: company)
  }
}
