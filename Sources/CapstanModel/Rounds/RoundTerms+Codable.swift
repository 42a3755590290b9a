extension RoundTerms {
  private enum CodingKeys: String, CodingKey {
    case valuation, investors, pool, pricingBasis, newClass, proRata, mfnAdoptions
    case tokenConsideration, proRataOnTop, narrowBase
    /// Written before the third basis existed: `true` for including-conversions.
    case pricingIncludesConversions
  }

  /// Decodes saved terms, including those saved with the older `pricingIncludesConversions`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let basis: PricingBasis
    if let named = try container.decodeIfPresent(PricingBasis.self, forKey: .pricingBasis) {
      basis = named
    } else {
      let including =
        try container.decodeIfPresent(Bool.self, forKey: .pricingIncludesConversions) ?? true
      basis = including ? .includingConversions : .excludingConversions
    }
    self.init(
      valuation: try container.decode(Valuation.self, forKey: .valuation),
      investors: try container.decode([Investment].self, forKey: .investors),
      pool: try container.decode(Pool.self, forKey: .pool), pricingBasis: basis,
      newClass: try container.decode(NewClassTerms.self, forKey: .newClass))
    proRata = try container.decodeIfPresent([ProRataChoice].self, forKey: .proRata)
    mfnAdoptions = try container.decodeIfPresent([String: String].self, forKey: .mfnAdoptions)
    tokenConsideration = try container.decodeIfPresent(
      [TokenInvestment].self, forKey: .tokenConsideration)
    proRataOnTop = try container.decodeIfPresent(Bool.self, forKey: .proRataOnTop)
    narrowBase = try container.decodeIfPresent(NarrowBase.self, forKey: .narrowBase)
  }

  /// Encodes the terms with the basis by name.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(valuation, forKey: .valuation)
    try container.encode(investors, forKey: .investors)
    try container.encode(pool, forKey: .pool)
    try container.encode(pricingBasis, forKey: .pricingBasis)
    try container.encode(newClass, forKey: .newClass)
    try container.encodeIfPresent(proRata, forKey: .proRata)
    try container.encodeIfPresent(mfnAdoptions, forKey: .mfnAdoptions)
    try container.encodeIfPresent(tokenConsideration, forKey: .tokenConsideration)
    try container.encodeIfPresent(proRataOnTop, forKey: .proRataOnTop)
    try container.encodeIfPresent(narrowBase, forKey: .narrowBase)
  }
}
