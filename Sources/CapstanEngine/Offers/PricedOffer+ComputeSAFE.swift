import CapstanModel

/// A compute-SAFE leg's estimated conversion, fully drawn, at its cap as a post-money safe,
/// measured on the capitalization the offer's round leaves. An estimate only: the leg converts
/// at the NEXT priced round, on that round's capitalization, and only what is drawn (and not
/// suspended) converts.
public struct ComputeSAFEEstimate: Sendable, Hashable {
  /// The leg.
  public var leg: Offer.ComputeSAFELeg
  /// The cap price: cap ÷ post-money fully diluted after the offer's round (nil without a cap).
  public var capPrice: Ratio?
  /// ⌊agreed value ÷ cap price⌋ (nil without a cap).
  public var shares: Shares?
}

extension PricedOffer {
  /// Each compute-SAFE leg's estimated conversion: the whole commitment drawn, converting at
  /// its cap on the post-money fully diluted capitalization after this round, so shares =
  /// ⌊commitment × agreed price ÷ (cap ÷ post-money fully diluted)⌋. A leg without a cap is
  /// not estimated.
  public var computeSAFEEstimates: [ComputeSAFEEstimate] {
    let post = result.postMoneyFullyDiluted.ratio
    return offer.computeSAFEs.map { leg in
      guard let cap = leg.valuationCap, cap > .zero, post > .zero else {
        return ComputeSAFEEstimate(leg: leg, capPrice: nil, shares: nil)
      }
      let price = cap / post
      let shares = (leg.agreedValue / price).floorInt64.map { Shares($0) }
      return ComputeSAFEEstimate(leg: leg, capPrice: price, shares: shares)
    }
  }
}
