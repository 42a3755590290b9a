/// An investor paying for its shares in compute tokens at an agreed price.
///
/// The investment amount is tokens × agreed price, whatever the spot price: the investor is an
/// ordinary holder of the new class, its preference computed on that agreed amount. Closing
/// the round records a compute grant for the tokens, linked to the investor's new shares.
public struct TokenInvestment: Sendable, Hashable, Codable {
  /// The investor's name (a stakeholder, created at closing if new).
  public var investor: String
  /// The investor when it is already a stakeholder (nil for a new investor, and in rounds saved
  /// by earlier versions: see `RoundTerms.resolvingNames(in:)`).
  public var stakeholder: Stakeholder.ID?
  /// The token's symbol.
  public var symbol: String
  /// Tokens paid.
  public var tokens: TokenAmount
  /// The agreed price per token.
  public var agreedPrice: Ratio
  /// When the tokens are delivered (nil: all at closing).
  public var unlock: UnlockSchedule?
  /// How the investor's shares are released (nil: up front).
  public var release: EquityConsideration.Release?
  /// The last day the tokens can be redeemed or sold.
  public var expires: CalendarDate?
  /// The event on which still-locked tokens can be clawed back.
  public var clawbackOn: String?

  /// An investment in tokens.
  public init(
    investor: String, symbol: String, tokens: TokenAmount, agreedPrice: Ratio,
    unlock: UnlockSchedule? = nil, release: EquityConsideration.Release? = nil,
    expires: CalendarDate? = nil, clawbackOn: String? = nil
  ) {
    self.investor = investor
    self.symbol = symbol
    self.tokens = tokens
    self.agreedPrice = agreedPrice
    self.unlock = unlock
    self.release = release
    self.expires = expires
    self.clawbackOn = clawbackOn
  }

  /// The amount invested: tokens × agreed price.
  public var amount: Ratio { tokens.ratio * agreedPrice }

  /// The grant terms closing records, linked to the investor's new stock security.
  public func grantTerms(equity security: SecurityID) -> WorkspaceDraft.ComputeGrantTerms {
    WorkspaceDraft.ComputeGrantTerms(
      provider: investor, symbol: symbol, tokens: tokens, agreedPrice: agreedPrice,
      unlock: unlock ?? .atGrant, expires: expires, clawbackOn: clawbackOn,
      equity: (security, release ?? .upFront))
  }
}

extension RoundTerms {
  /// The token investments, none when the round is all cash.
  public var tokenInvestments: [TokenInvestment] {
    get { tokenConsideration ?? [] }
    set { tokenConsideration = newValue.isEmpty ? nil : newValue }
  }

  /// Every investment as an amount: the cash ones, then the token ones at their agreed value.
  public var allInvestments: [Investment] {
    investors
      + tokenInvestments.map {
        Investment(investor: $0.investor, stakeholder: $0.stakeholder, amount: $0.amount)
      }
  }
}

extension TokenInvestment {
  /// Parses `NAME=TOKENS@PRICExSYMBOL`, e.g. `computeco=1,500,000@2.00xH100H`.
  public static func parse(_ text: String, field: String) throws(InputError) -> TokenInvestment {
    let expected = "NAME=TOKENS@PRICExSYMBOL, e.g. computeco=1,500,000@2.00xH100H"
    let named = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard named.count == 2, !named[0].trimmingSpaces.isEmpty else {
      throw .invalid(field: field, input: text, expected: expected)
    }
    let priced = named[1].split(separator: "@", maxSplits: 1).map(String.init)
    guard priced.count == 2, let cross = priced[1].lastIndex(where: { $0 == "x" || $0 == "X" })
    else { throw .invalid(field: field, input: text, expected: expected) }
    let symbol = String(priced[1][priced[1].index(after: cross)...]).trimmingSpaces
    guard !symbol.isEmpty else { throw .invalid(field: field, input: text, expected: expected) }
    let tokens = try AmountParser.tokens(priced[0], field: "\(field) \(named[0])")
    let price = try AmountParser.amount(
      String(priced[1][..<cross]), field: "\(field) \(named[0]) agreed price")
    return TokenInvestment(
      investor: named[0].trimmingSpaces, symbol: symbol, tokens: tokens, agreedPrice: price)
  }
}
