import CapstanModel

/// The direct deal "N tokens for P % of the company": the valuation it implies.
///
/// The investment is I = N × agreed price. For the investor to hold P of the post-money
/// fully diluted shares, post-money = I ÷ P and pre-money = post-money − I. With no other
/// new shares, the exact price per share is pre-money ÷ pre-money fully diluted shares F,
/// and the investor's shares are I ÷ price = P × F ÷ (1 − P). All exact (`Ratio`).
public struct TokenDeal: Sendable, Hashable {
  /// Tokens offered.
  public var tokens: TokenAmount
  /// Agreed price per token.
  public var agreedPrice: Ratio
  /// The stake asked for, as a fraction of post-money fully diluted shares.
  public var percent: Ratio

  /// A deal.
  public init(tokens: TokenAmount, agreedPrice: Ratio, percent: Ratio) {
    self.tokens = tokens
    self.agreedPrice = agreedPrice
    self.percent = percent
  }

  /// The investment: tokens × agreed price.
  public var investment: Ratio { tokens.ratio * agreedPrice }

  /// The post-money valuation that gives `percent` for `investment`: I ÷ P.
  public static func postMoney(investment: Ratio, percent: Ratio) -> Ratio {
    percent > .zero ? investment / percent : .zero
  }

  /// What the deal implies on a company with `fullyDiluted` shares before it.
  public func implied(preMoneyFullyDiluted fullyDiluted: Shares) throws(TokenError)
    -> ImpliedValuation
  {
    guard percent > .zero, percent < .one else {
      throw .invalid("the stake must be between 0% and 100%")
    }
    guard fullyDiluted > .zero else {
      throw .invalid("the company has no fully diluted shares to price")
    }
    let post = TokenDeal.postMoney(investment: investment, percent: percent)
    let pre = post - investment
    let price = pre / fullyDiluted.ratio
    let shares = percent * fullyDiluted.ratio / (.one - percent)
    return ImpliedValuation(
      investment: investment, postMoney: post, preMoney: pre, pricePerShare: price,
      shares: shares)
  }
}

/// The valuation a token deal implies, exact.
public struct ImpliedValuation: Sendable, Hashable {
  /// Tokens × agreed price.
  public var investment: Ratio
  /// Investment ÷ stake.
  public var postMoney: Ratio
  /// Post-money − investment.
  public var preMoney: Ratio
  /// Pre-money ÷ pre-money fully diluted shares.
  public var pricePerShare: Ratio
  /// The investor's shares, exact (a round floors them at the rounded price).
  public var shares: Ratio
}
