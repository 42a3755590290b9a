/// When a compute grant's tokens are delivered to the company (unlocked).
///
/// A tagged union; every caller goes through `unlocked(of:asOf:granted:prices:facts:)`. The
/// plain `.vesting` schedule stays beside `.terms` (the vesting engine's full terms: days,
/// cliff installment, allocation types, explicit tranches, milestones) so stored grants keep
/// their JSON.
public enum UnlockSchedule: Sendable, Hashable, Codable {
  /// Everything is delivered on the grant date.
  case atGrant
  /// Delivered like vesting: total months, cliff and frequency, cumulative floor.
  case vesting(VestingSchedule)
  /// Tranches that unlock when the market price reaches their target, or all at an end date.
  case priceGated(PriceGate)
  /// Delivered like vesting under full vesting terms (in tokens): a months or days schedule,
  /// cliff installment, allocation type, explicit dated tranches, and milestone tranches that
  /// unlock when `capstan event record milestone NAME` is recorded. No acceleration.
  case terms(VestingTerms)

  /// Tokens of `total` unlocked at the end of `date`, given the token's market prices and the
  /// milestones recorded against the grant.
  ///
  /// Never decreasing in `date` and never above `total` (a price gate's tranches add up to the
  /// total, and so do terms' tranches, milestones and schedule; the ledger checks both).
  public func unlocked(
    of total: TokenAmount, asOf date: CalendarDate, granted: CalendarDate,
    prices: TokenPriceSeries, facts: VestingFacts = .none
  ) -> TokenAmount {
    switch self {
    case .atGrant:
      return date >= granted ? total : .zero
    case .vesting(let schedule):
      return TokenAmount(schedule.vested(of: Shares(total.count), asOf: date).count)
    case .priceGated(let gate):
      return min(total, gate.unlocked(asOf: date, prices: prices))
    case .terms(let terms):
      let unlocked = terms.scheduled(of: Shares(total.count), asOf: date, facts: facts)
      return min(total, TokenAmount(unlocked.count))
    }
  }

  /// The full vesting terms, when the schedule is time- or milestone-based (`.vesting` or
  /// `.terms`).
  public var vestingTerms: VestingTerms? {
    switch self {
    case .atGrant, .priceGated: nil
    case .vesting(let schedule): VestingTerms(schedule)
    case .terms(let terms): terms
    }
  }

  /// The milestones the schedule waits for (empty unless `.terms` has milestone tranches).
  public var milestones: [VestingMilestone] {
    if case .terms(let terms) = self { return terms.milestones }
    return []
  }

  /// The simplest case for `terms`: `.vesting` when they are a plain monthly schedule.
  public static func of(_ terms: VestingTerms) -> UnlockSchedule {
    terms.plainSchedule.map(UnlockSchedule.vesting) ?? .terms(terms)
  }

  /// Why the schedule cannot deliver `total` tokens, or nil when it can.
  public func problem(for total: TokenAmount) -> String? {
    switch self {
    case .atGrant, .vesting: return nil
    case .priceGated(let gate):
      let sum = gate.tranches.reduce(TokenAmount.zero) { $0 + $1.tokens }
      guard sum == total else {
        return "the price-gated tranches add up to \(sum) tokens, not the \(total) granted"
      }
      guard gate.end > gate.start else {
        return "the price gate ends (\(gate.end)) before it starts"
      }
      guard gate.tranches.allSatisfy({ $0.tokens > .zero && !$0.target.isNegative }) else {
        return "every price-gated tranche needs tokens and a target"
      }
      return nil
    case .terms(let terms):
      guard terms.acceleration == nil else {
        return "a compute grant's unlock schedule has no change-of-control acceleration"
      }
      return terms.problem(for: Shares(total.count))?
        .replacingOccurrences(of: "shares", with: "tokens")
        .replacingOccurrences(of: "vesting terms", with: "unlock terms")
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
    case .terms(let terms): return terms.notation
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
