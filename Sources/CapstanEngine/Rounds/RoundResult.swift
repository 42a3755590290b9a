import CapstanModel

/// The round price per share, exact and as rounded by the policy.
public struct RoundPrice: Sendable, Hashable {
  /// The pre-money divided over the pricing shares (or the stated price).
  public var exact: Ratio
  /// The exact price rounded per the policy (half-up to 4 decimals by default): what is paid.
  public var rounded: Ratio
}

/// A new investor's purchase.
public struct InvestorAllocation: Sendable, Hashable {
  /// The investor.
  public var investor: RoundParticipant
  /// The amount offered.
  public var amount: Ratio
  /// Shares bought: floor(amount ÷ rounded price).
  public var shares: Shares
  /// What the shares cost at the rounded price.
  public var cost: Ratio

  /// The investor's display name.
  public var name: String { investor.name }

  /// The part of the amount that did not buy a whole share.
  public var unspent: Ratio { amount - cost }
}

/// The round solved exactly, before any rounding: fractional shares and the exact price.
///
/// This is what the pool target is measured on (see `PoolTargetCheck`).
public struct ExactSolution: Sendable, Hashable {
  /// The exact price per share.
  public var price: Ratio
  /// The post-money SAFE Company Capitalization.
  public var companyCapitalization: Ratio
  /// Pre-money fully diluted shares: base, pool increase and conversion shares.
  public var preMoneyFullyDiluted: Ratio
  /// Post-money fully diluted shares: the above plus new-money and pro rata shares.
  public var postMoneyFullyDiluted: Ratio
  /// The unissued pool after the round over post-money fully diluted shares.
  public var unissuedPoolFraction: Ratio
}

/// Everything a priced round produces: price, conversions, purchases and the pro forma table.
public struct RoundResult: Sendable, Hashable {
  /// The closing date.
  public var closing: CalendarDate
  /// The price per share.
  public var price: RoundPrice
  /// The pool before and after, and the target check.
  public var pool: PoolOutcome
  /// Each SAFE and note, in input order (SAFEs first).
  public var conversions: [SecurityConversion]
  /// Each new investor, in input order.
  public var investors: [InvestorAllocation]
  /// Each pro rata election, in input order.
  public var proRata: [ProRataAllocation]
  /// How the price treated the converting money.
  public var pricingBasis: PricingBasis = .includingConversions
  /// The shares the pre-money is divided over (per the pricing basis).
  public var pricingShares: Shares
  /// Pre-money fully diluted shares: base, pool increase and conversion shares.
  public var preMoneyFullyDiluted: Shares
  /// Post-money fully diluted shares.
  public var postMoneyFullyDiluted: Shares
  /// The pre-money valuation: as given, post-money less the investors' amounts, or the stated
  /// price times the pricing shares.
  public var preMoneyValuation: Ratio
  /// Money in: the investors' amounts plus pro rata purchases.
  public var newMoney: Ratio
  /// Before and after, per holder or group, and the pool.
  public var proForma: ProFormaTable
  /// The unrounded solution the pool target was measured on.
  public var exactSolution: ExactSolution

  /// The post-money valuation: pre-money plus new money.
  public var postMoneyValuation: Ratio { preMoneyValuation + newMoney }

  /// The rounded price times post-money fully diluted shares.
  ///
  /// It differs from `postMoneyValuation` by the price rounding times the pricing shares, plus
  /// less than one share's price per buyer (the floored fractions).
  public var impliedPostMoneyValuation: Ratio { price.rounded * postMoneyFullyDiluted.ratio }
}
