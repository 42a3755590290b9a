/// When a compute grant's tokens are delivered to the company (unlocked).
///
/// A tagged union so richer terms can be added as cases without touching the others: the
/// vesting engine's explicit tranches and milestones can become a `.terms(...)` case beside
/// `.vesting`, and every caller goes through `unlocked(of:asOf:prices:)`.
public enum UnlockSchedule: Sendable, Hashable, Codable {
  /// Everything is delivered on the grant date.
  case atGrant
  /// Delivered like vesting: total months, cliff and frequency, cumulative floor.
  case vesting(VestingSchedule)
  /// Tranches that unlock when the market price reaches their target, or all at an end date.
  case priceGated(PriceGate)

  /// Tokens of `total` unlocked at the end of `date`, given the token's market prices.
  ///
  /// Never decreasing in `date` and never above `total` (a price gate's tranches add up to the
  /// total; see `PriceGate.validate`).
  public func unlocked(
    of total: TokenAmount, asOf date: CalendarDate, granted: CalendarDate,
    prices: TokenPriceSeries
  ) -> TokenAmount {
    switch self {
    case .atGrant:
      return date >= granted ? total : .zero
    case .vesting(let schedule):
      return TokenAmount(schedule.vested(of: Shares(total.count), asOf: date).count)
    case .priceGated(let gate):
      return min(total, gate.unlocked(asOf: date, prices: prices))
    }
  }

  /// Whether the schedule depends on market prices.
  public var isPriceGated: Bool {
    if case .priceGated = self { return true }
    return false
  }

  /// A short description: `24/6/1 from 2026-06-01`, `at grant`, `500,000 at $3.00 ... by D`.
  public var summary: String {
    switch self {
    case .atGrant: return "at grant"
    case .vesting(let schedule): return "\(schedule.notation) from \(schedule.start)"
    case .priceGated(let gate):
      let tranches = gate.tranches.map {
        "\($0.tokens) at \($0.target.decimalString(places: 4, minimumPlaces: 2))"
      }
      return
        "price-gated from \(gate.start): \(tranches.joined(separator: ", ")), rest by \(gate.end)"
    }
  }
}

/// Price-gated delivery: each tranche unlocks on the first day from `start` on which the market
/// price is at least its target; whatever is still locked unlocks on `end`.
public struct PriceGate: Sendable, Hashable, Codable {
  /// One tranche: tokens and the market price that releases them.
  public struct Tranche: Sendable, Hashable, Codable {
    /// Tokens in the tranche.
    public var tokens: TokenAmount
    /// The market price per token that unlocks it.
    public var target: Ratio

    /// A tranche.
    public init(tokens: TokenAmount, target: Ratio) {
      self.tokens = tokens
      self.target = target
    }
  }

  /// The first day the gate watches the price.
  public var start: CalendarDate
  /// The tranches, in any order.
  public var tranches: [Tranche]
  /// The day every tranche still locked unlocks regardless of price.
  public var end: CalendarDate

  /// A gate.
  public init(start: CalendarDate, tranches: [Tranche], end: CalendarDate) {
    self.start = start
    self.tranches = tranches
    self.end = end
  }

  /// Tokens unlocked at the end of `date`.
  public func unlocked(asOf date: CalendarDate, prices: TokenPriceSeries) -> TokenAmount {
    guard date >= start else { return .zero }
    var total = TokenAmount.zero
    for tranche in tranches {
      if date >= end
        || prices.firstDate(atOrAbove: tranche.target, from: start, through: date) != nil
      {
        total += tranche.tokens
      }
    }
    return total
  }

  /// The date a tranche unlocks (its target reached, or the end date), if on or before `date`.
  public func unlockDate(
    of tranche: Tranche, asOf date: CalendarDate, prices: TokenPriceSeries
  ) -> CalendarDate? {
    if let reached = prices.firstDate(
      atOrAbove: tranche.target, from: start, through: min(date, end))
    {
      return reached
    }
    return date >= end ? end : nil
  }
}
