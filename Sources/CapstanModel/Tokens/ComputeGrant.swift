/// Compute tokens a provider gives a company as consideration for equity.
///
/// The deal fixes an agreed price per token: the investment is tokens × agreed price, whatever
/// the market says. The tokens are delivered on an unlock schedule, may expire if not redeemed
/// by a date, and may be clawed back while still locked when a stated event is recorded.
public struct ComputeGrant: Sendable, Hashable, Codable {
  /// The grant's id (`CG-1`).
  public var security: SecurityID
  /// The provider (the token issuer, or whoever pays in its tokens).
  public var provider: Stakeholder.ID
  /// The token's symbol.
  public var symbol: String
  /// Tokens granted.
  public var tokens: TokenAmount
  /// The agreed price per token: what the deal counts each token as.
  public var agreedPrice: Ratio
  /// When the tokens are delivered.
  public var unlock: UnlockSchedule
  /// The last day tokens can be redeemed or sold; after it, whatever is left expires.
  public var expires: CalendarDate?
  /// The event on which still-locked tokens can be clawed back (nil: no clawback).
  public var clawbackOn: String?
  /// The equity the provider receives for the tokens, if recorded with the grant.
  public var equity: EquityConsideration?

  /// A grant.
  public init(
    security: SecurityID, provider: Stakeholder.ID, symbol: String, tokens: TokenAmount,
    agreedPrice: Ratio, unlock: UnlockSchedule, expires: CalendarDate? = nil,
    clawbackOn: String? = nil, equity: EquityConsideration? = nil
  ) {
    self.security = security
    self.provider = provider
    self.symbol = symbol
    self.tokens = tokens
    self.agreedPrice = agreedPrice
    self.unlock = unlock
    self.expires = expires
    self.clawbackOn = clawbackOn
    self.equity = equity
  }

  /// The agreed value of the grant: tokens × agreed price.
  public var agreedValue: Ratio { tokens.ratio * agreedPrice }
}

/// The shares a provider receives for a compute grant, and when they are released to it.
public struct EquityConsideration: Sendable, Hashable, Codable {
  /// How the shares are released.
  public enum Release: String, Sendable, Hashable, Codable, CaseIterable {
    /// All at once, when the grant is made.
    case upFront = "up-front"
    /// In step with the tokens: floor(shares × unlocked ÷ granted).
    case inStep = "in-step"
  }

  /// The stock security issued for the tokens (`PS-2`).
  public var security: SecurityID
  /// Shares issued for the tokens.
  public var shares: Shares
  /// How they are released.
  public var release: Release

  /// An equity consideration.
  public init(security: SecurityID, shares: Shares, release: Release) {
    self.security = security
    self.shares = shares
    self.release = release
  }

  /// Shares released when `unlocked` of `granted` tokens are delivered.
  public func released(unlocked: TokenAmount, of granted: TokenAmount) -> Shares {
    switch release {
    case .upFront: return shares
    case .inStep:
      guard granted.count > 0 else { return .zero }
      return Shares(
        Int64(Int128(shares.count) * Int128(unlocked.count) / Int128(granted.count)))
    }
  }
}

/// Tokens of a grant redeemed for compute (GPU-hours used).
public struct TokenRedemption: Sendable, Hashable, Codable {
  /// The compute grant.
  public var grant: SecurityID
  /// Tokens redeemed.
  public var tokens: TokenAmount

  /// A redemption.
  public init(grant: SecurityID, tokens: TokenAmount) {
    self.grant = grant
    self.tokens = tokens
  }
}

/// Tokens of a grant sold on the secondary market.
public struct TokenSale: Sendable, Hashable, Codable {
  /// The compute grant.
  public var grant: SecurityID
  /// Tokens sold.
  public var tokens: TokenAmount
  /// Price per token received.
  public var price: Ratio

  /// A sale.
  public init(grant: SecurityID, tokens: TokenAmount, price: Ratio) {
    self.grant = grant
    self.tokens = tokens
    self.price = price
  }
}

/// Still-locked tokens of a grant clawed back by the provider on a recorded event.
public struct TokenClawback: Sendable, Hashable, Codable {
  /// The compute grant.
  public var grant: SecurityID
  /// Tokens clawed back (every token still locked on the date).
  public var tokens: TokenAmount
  /// The event that triggered it.
  public var event: String

  /// A clawback.
  public init(grant: SecurityID, tokens: TokenAmount, event: String) {
    self.grant = grant
    self.tokens = tokens
    self.event = event
  }
}
