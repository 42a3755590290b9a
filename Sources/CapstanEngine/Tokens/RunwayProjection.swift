import CapstanModel

/// Runway month by month, following the tokens' unlock schedule (issue 18 item 2).
///
/// Month m runs from start + m months. At its start the tokens unlocked since the previous
/// month become available. The company needs H compute units (GPU-hours) a month and spends B
/// cash a month besides compute. Under `.redeem` it redeems available tokens for compute, up to
/// H ÷ u tokens (u units per token; only unlocked tokens, never locked ones); under `.sell` it
/// sells every available token at the month's price (the price path's, else the base price)
/// and redeems none. Compute the tokens do not cover is bought with cash at p per unit. The
/// month's cash out is B + (H − units redeemed) × p, its cash in the sale proceeds; the cash at
/// the end of the month is the cash at its start + proceeds − cash out.
///
/// Runway is the exact, fractional month in which the cash runs out, spending evenly within
/// the month: with c the cash at the start of month m plus its proceeds and o its cash out,
/// the first month with c < o gives runway = m + c ÷ o. nil when the cash lasts past
/// `horizon` months (or nothing is spent).
public struct RunwayProjection: Sendable, Hashable {
  /// What the tokens do.
  public enum Policy: String, Sendable, Hashable, CaseIterable {
    /// Redeem available tokens for compute; sell none.
    case redeem
    /// Sell every available token at the month's price; buy compute with cash.
    case sell
  }

  /// One holding of tokens: what becomes available when.
  public struct Supply: Sendable, Hashable {
    /// The token's symbol.
    public var symbol: String
    /// Compute units per token.
    public var unitsPerToken: Ratio
    /// Tokens available (unlocked and not yet used) by the start of month m, cumulative, for m
    /// in 0...horizon.
    public var cumulative: [Ratio]
    /// The last month the tokens can be used (nil: no expiry); later months see none of them.
    public var lastUsableMonth: Int?
    /// Tokens held at the start, locked and available (what `cumulative` reaches in the end).
    public var total: Ratio
    /// Whether the tokens can be sold (credits cannot: they are always redeemed).
    public var sellable: Bool

    /// A supply.
    public init(
      symbol: String, unitsPerToken: Ratio, cumulative: [Ratio], lastUsableMonth: Int?,
      total: Ratio, sellable: Bool = true
    ) {
      self.symbol = symbol
      self.unitsPerToken = unitsPerToken
      self.cumulative = cumulative
      self.lastUsableMonth = lastUsableMonth
      self.total = total
      self.sellable = sellable
    }
  }

  /// One month of the projection.
  public struct Month: Sendable, Hashable {
    /// 0 for the first month.
    public var index: Int
    /// The month's first day.
    public var date: CalendarDate
    /// Cash at the start of the month.
    public var cashStart: Ratio
    /// Tokens that became available at its start.
    public var unlocked: Ratio
    /// Tokens redeemed for compute.
    public var redeemed: Ratio
    /// Tokens sold.
    public var sold: Ratio
    /// Cash from the sales.
    public var proceeds: Ratio
    /// Compute units bought with cash.
    public var unitsBoughtWithCash: Ratio
    /// Cash spent: burn plus compute bought.
    public var cashOut: Ratio
    /// Cash at the end of the month (negative in the month the cash runs out).
    public var cashEnd: Ratio
    /// Tokens still held (locked and available; credits not counted) at the end of the month.
    public var tokensHeld: Ratio
    /// Their value at the month's price.
    public var heldValue: Ratio
  }

  /// The months projected: up to the one in which the cash runs out, else `horizon` months.
  public var months: [Month]
  /// The month the cash runs out, exact (nil: it lasts past the horizon or nothing is spent).
  public var runway: Ratio?
  /// Which base price each token has and why, when the projection values an offer's tokens
  /// (empty otherwise): a peg or agreed price standing in for a missing market price.
  public var priceNotes: [TokenPriceNote] = []

  /// The months projected at most (ten years).
  public static let horizon = 120

  /// Projects `inputs` (cash at the start, burn, compute need and its cash price) with the
  /// tokens of `supplies` from `start`, each month's token price from `price` (by symbol and
  /// date), under `policy`.
  public init(
    _ inputs: RunwayInputs, supplies: [Supply], start: CalendarDate, policy: Policy = .redeem,
    price: (String, CalendarDate) -> Ratio
  ) {
    var months: [Month] = []
    var cash = inputs.cash
    var available = supplies.map { _ in Ratio.zero }
    var used = supplies.map { _ in Ratio.zero }
    var runway: Ratio?
    let need = inputs.monthlyComputeUnits
    for m in 0..<Self.horizon {
      let date = start.adding(months: m)
      var unlocked = Ratio.zero
      var (redeemed, sold, proceeds, covered, held, value) = (
        Ratio.zero, Ratio.zero, Ratio.zero, Ratio.zero, Ratio.zero, Ratio.zero
      )
      for (i, supply) in supplies.enumerated() {
        let usable = supply.lastUsableMonth.map { m <= $0 } ?? true
        let total = supply.cumulative[min(m, supply.cumulative.count - 1)]
        let fresh = total - used[i] - available[i]
        unlocked += fresh
        available[i] = usable ? available[i] + fresh : .zero
        if !usable { used[i] = total }
        let unitPrice = price(supply.symbol, date)
        switch supply.sellable ? policy : .redeem {
        case .redeem:
          let wanted = (need - covered) / supply.unitsPerToken
          let take = min(available[i], max(.zero, wanted))
          available[i] -= take
          used[i] += take
          redeemed += take
          covered += take * supply.unitsPerToken
        case .sell:
          sold += available[i]
          proceeds += available[i] * unitPrice
          used[i] += available[i]
          available[i] = .zero
        }
        let heldHere = usable ? supply.total - used[i] : .zero
        if supply.sellable {
          held += heldHere
          value += heldHere * unitPrice
        }
      }
      let bought = need - covered
      let out = inputs.monthlyCashBurn + bought * inputs.computeUnitPrice
      let month = Month(
        index: m, date: date, cashStart: cash, unlocked: unlocked, redeemed: redeemed, sold: sold,
        proceeds: proceeds, unitsBoughtWithCash: bought, cashOut: out,
        cashEnd: cash + proceeds - out, tokensHeld: held, heldValue: value)
      months.append(month)
      if cash + proceeds < out {
        runway = Ratio(m) + (cash + proceeds) / out
        break
      }
      cash = month.cashEnd
    }
    self.months = months
    self.runway = runway
  }
}
