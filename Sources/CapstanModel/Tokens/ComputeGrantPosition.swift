/// A compute grant and what the ledger has recorded against it up to the snapshot date.
public struct ComputeGrantPosition: Sendable, Hashable, Codable {
  /// The grant as made.
  public let grant: ComputeGrant
  /// The grant date.
  public let date: CalendarDate
  /// Tokens redeemed for compute.
  public internal(set) var redeemed: TokenAmount = .zero
  /// Tokens sold.
  public internal(set) var sold: TokenAmount = .zero
  /// Cash received for the tokens sold.
  public internal(set) var saleProceeds: Ratio = .zero
  /// Tokens clawed back.
  public internal(set) var clawedBack: TokenAmount = .zero
  /// The date of the clawback, if any.
  public internal(set) var clawbackDate: CalendarDate?
  /// Milestones recorded against the grant (`capstan event record milestone`), for `.terms`
  /// schedules with milestone tranches.
  public internal(set) var vestingFacts: VestingFacts = .none

  /// A position with nothing recorded against it yet.
  public init(grant: ComputeGrant, date: CalendarDate) {
    self.grant = grant
    self.date = date
  }

  /// Where every token of the grant stands at the end of `date`.
  ///
  /// The states partition the grant: locked + available + redeemed + sold + expired +
  /// clawed back = granted. After a clawback nothing more unlocks; after the expiry date
  /// everything neither redeemed, sold nor clawed back has expired.
  public func balances(asOf date: CalendarDate, prices: TokenPriceSeries) -> TokenBalances {
    let granted = grant.tokens
    let unlocked: TokenAmount
    if let clawbackDate, clawbackDate <= date {
      unlocked = granted - clawedBack
    } else {
      unlocked = grant.unlock.unlocked(
        of: granted, asOf: date, granted: self.date, prices: prices, facts: vestingFacts)
    }
    var balances = TokenBalances(
      granted: granted, unlocked: unlocked, locked: granted - clawedBack - unlocked,
      available: unlocked - redeemed - sold, redeemed: redeemed, sold: sold, expired: .zero,
      clawedBack: clawedBack)
    if let expires = grant.expires, date > expires {
      balances.expired = balances.locked + balances.available
      balances.locked = .zero
      balances.available = .zero
    }
    return balances
  }

  /// Shares released to the provider at the end of `date` (nil when no equity is recorded).
  ///
  /// In step: floor(shares × unlocked ÷ granted); a clawback stops the release where it was.
  public func releasedShares(asOf date: CalendarDate, prices: TokenPriceSeries) -> Shares? {
    guard let equity = grant.equity else { return nil }
    let unlocked = balances(asOf: date, prices: prices).unlocked
    return equity.released(unlocked: unlocked, of: grant.tokens)
  }
}

/// A grant's tokens by state on one date.
public struct TokenBalances: Sendable, Hashable {
  /// Tokens granted.
  public var granted: TokenAmount
  /// Tokens delivered so far (cumulative, including those since redeemed or sold).
  public var unlocked: TokenAmount
  /// Tokens not yet delivered.
  public var locked: TokenAmount
  /// Delivered tokens the company still holds: redeemable or saleable.
  public var available: TokenAmount
  /// Redeemed for compute.
  public var redeemed: TokenAmount
  /// Sold on the secondary market.
  public var sold: TokenAmount
  /// Expired unredeemed.
  public var expired: TokenAmount
  /// Clawed back while locked.
  public var clawedBack: TokenAmount

  /// Tokens the company holds or will receive: locked + available.
  public var held: TokenAmount { locked + available }

  /// The sum of every state; equals `granted` for any position.
  public var partitionTotal: TokenAmount {
    locked + available + redeemed + sold + expired + clawedBack
  }
}
