import CapstanModel

/// A compute-SAFE leg's estimated conversion, fully drawn, as a post-money safe converting at
/// the better for the holder (the lower price) of its cap price and its discount price, with
/// the offer's round standing in for the next priced round: its post-money fully diluted
/// capitalization and its price. An estimate only: the leg converts at the NEXT priced round,
/// on that round's capitalization and price, and only what is drawn (and not suspended)
/// converts.
public struct ComputeSAFEEstimate: Sendable, Hashable {
  /// Which price the estimate converts at.
  public enum Basis: String, Sendable, Hashable {
    /// The cap price.
    case cap
    /// The discount price.
    case discount
  }

  /// The leg.
  public var leg: Offer.ComputeSAFELeg
  /// The cap price as a post-money safe: cap ÷ (F + S), F the post-money fully diluted shares
  /// after the offer's round and S the leg's own shares at that price, so cap × (1 − r) ÷ F
  /// with r = agreed value ÷ cap (nil without a cap, or with r ≥ 1).
  public var capPrice: Ratio?
  /// The discount price: the offer's round price × (1 − discount) (nil without a discount).
  public var discountPrice: Ratio?
  /// ⌊agreed value ÷ the lower of the two prices⌋ (nil with neither).
  public var shares: Shares?

  /// The price the estimate converts at: the lower of the cap and discount prices.
  public var price: Ratio? { [capPrice, discountPrice].compactMap { $0 }.min() }

  /// Which of the two the estimate uses (the cap on a tie).
  public var basis: Basis? {
    guard let price else { return nil }
    return price == capPrice ? .cap : .discount
  }

  /// The estimate of `leg` on a round of `fullyDiluted` post-money shares at `roundPrice`.
  public init(_ leg: Offer.ComputeSAFELeg, fullyDiluted: Ratio, roundPrice: Ratio) {
    self.leg = leg
    if let cap = leg.valuationCap, cap > .zero, fullyDiluted > .zero,
      leg.agreedValue / cap < .one
    {
      capPrice = cap * (.one - leg.agreedValue / cap) / fullyDiluted
    }
    if let discount = leg.discount, roundPrice > .zero {
      discountPrice = roundPrice * (.one - discount)
    }
    let price = [capPrice, discountPrice].compactMap { $0 }.min()
    shares = price.flatMap { $0 > .zero ? (leg.agreedValue / $0).floorInt64 : nil }.map {
      Shares($0)
    }
  }
}

extension PricedOffer {
  /// Each compute-SAFE leg's estimated conversion: the whole commitment drawn, converting as a
  /// post-money safe at the lower of its cap price on the post-money fully diluted
  /// capitalization after this round and its discount on this round's price.
  public var computeSAFEEstimates: [ComputeSAFEEstimate] {
    offer.computeSAFEs.map { leg in
      ComputeSAFEEstimate(
        leg, fullyDiluted: result.postMoneyFullyDiluted.ratio, roundPrice: result.price.rounded)
    }
  }
}
