import CapstanModel

extension IssuerExposure {
  /// How many months the schedule covers.
  public static let scheduleMonths = 24

  /// Fills the schedule, the cost value and the equity at cost from the company's grant
  /// `positions` of the token on `date` (the ledger up to the date: later redemptions are not
  /// foreseen).
  ///
  /// Month m's unlocking = unlocked(date + m months) − unlocked(date + (m − 1) months), each
  /// grant's own schedule, counted only while the grant has not expired at the month's end;
  /// what is still locked after month 24 is `unlockingLater`, so callable + the 24 months +
  /// later = owed.
  mutating func schedule(
    _ positions: [ComputeGrantPosition], token: ComputeToken, prices: TokenPriceSeries,
    asOf date: CalendarDate, costPerUnit: Ratio?
  ) {
    var months = Array(repeating: TokenAmount.zero, count: Self.scheduleMonths)
    var delivered = TokenAmount.zero
    var shares = Shares.zero
    for position in positions {
      var previous = position.balances(asOf: date, prices: prices)
      let lockedToday = previous.locked
      var unlockedSoFar = TokenAmount.zero
      for month in 1...Self.scheduleMonths {
        let end = date.adding(months: month)
        let now = position.balances(asOf: end, prices: prices)
        let expired = position.grant.expires.map { end > $0 } ?? false
        if !expired {
          let step = TokenAmount(
            min(
              max(now.unlocked.count - previous.unlocked.count, 0),
              lockedToday.count - unlockedSoFar.count))
          months[month - 1] += step
          unlockedSoFar += step
        }
        previous = now
      }
      let today = position.balances(asOf: date, prices: prices)
      if let equity = position.grant.equity {
        shares += equity.shares
        delivered += TokenAmount(today.granted.count - today.clawedBack.count - today.expired.count)
      }
    }
    unlocking = months
    unlockingLater = TokenAmount(locked.count - months.reduce(0) { $0 + $1.count })
    costValue = costPerUnit.map { units * $0 }
    equityShares = shares
    equityCost = shares > .zero ? costPerUnit.map { token.units(delivered) * $0 } : nil
  }
}

/// The issuer's book of one token across the workspace: what it owes in total, what is
/// callable now and what unlocks month by month, and how concentrated the compute owed is.
public struct IssuerBook: Sendable {
  /// One month of the schedule (row 0 is "callable now", on the date itself).
  public struct Month: Sendable, Hashable {
    /// The month's last day (the date itself for callable now; nil for "later").
    public var end: CalendarDate?
    /// Tokens that become callable in the month (callable now: those callable today).
    public var tokens: TokenAmount
    /// Callable now plus every month up to this one.
    public var cumulative: TokenAmount
  }

  /// Tokens owed (locked + callable) across companies.
  public var owed: TokenAmount
  /// Tokens callable now (unlocked and unredeemed).
  public var callable: TokenAmount
  /// Tokens still locked.
  public var locked: TokenAmount
  /// Compute units owed, callable now, locked.
  public var units: (owed: Ratio, callable: Ratio, locked: Ratio)
  /// Owed tokens at the peg, at the market, at cost (nil when the token has none).
  public var values: (peg: Ratio?, market: Ratio?, cost: Ratio?)
  /// Callable now, then the 24 months, then "later": the tokens add up to `owed`.
  public var schedule: [Month]
  /// Herfindahl index of the compute owed by company (Σ share², 0-1).
  public var herfindahl: Ratio
  /// The company owing the most compute and its share of the owed tokens.
  public var top: (company: String, share: Ratio)?
  /// The effective price per share at cost across companies: Σ equity cost ÷ Σ equity shares.
  public var costPerShare: Ratio?

  /// The book of `exposures`.
  public init(_ exposures: IssuerExposures) {
    let rows = exposures.rows.map(\.exposure)
    let owed = rows.reduce(TokenAmount.zero) { $0 + $1.owed }
    let callable = rows.reduce(TokenAmount.zero) { $0 + $1.callable }
    let token = exposures.token
    let owedUnits = token.units(owed)
    self.owed = owed
    self.callable = callable
    locked = rows.reduce(.zero) { $0 + $1.locked }
    units = (owedUnits, token.units(callable), token.units(locked))
    values = (
      token.peg.map { owed.ratio * $0 }, exposures.marketPrice.map { owed.ratio * $0 },
      exposures.costPerUnit.map { owedUnits * $0 }
    )
    var months: [Month] = [Month(end: exposures.asOf, tokens: callable, cumulative: callable)]
    var cumulative = callable
    for month in 0..<IssuerExposure.scheduleMonths {
      var tokens = TokenAmount.zero
      for row in rows where row.unlocking.indices.contains(month) { tokens += row.unlocking[month] }
      cumulative += tokens
      months.append(
        Month(end: exposures.asOf.adding(months: month + 1), tokens: tokens, cumulative: cumulative)
      )
    }
    let later = rows.reduce(TokenAmount.zero) { $0 + $1.unlockingLater }
    months.append(Month(end: nil, tokens: later, cumulative: cumulative + later))
    schedule = months
    if owed.count > 0 {
      let shares = rows.map { (company: $0.company, share: $0.owed.ratio / owed.ratio) }
      herfindahl = Ratio.sum(shares.map { $0.share * $0.share })
      top = shares.max { ($0.share, $1.company) < ($1.share, $0.company) }
    } else {
      herfindahl = .zero
      top = nil
    }
    let equityShares = rows.reduce(Shares.zero) { $0 + $1.equityShares }
    let costs = rows.compactMap(\.equityCost)
    let withEquity = rows.filter { $0.equityShares > .zero }.count
    costPerShare =
      equityShares > .zero && costs.count == withEquity
      ? Ratio.sum(costs) / equityShares.ratio : nil
  }
}
