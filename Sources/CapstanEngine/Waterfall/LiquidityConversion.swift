import CapstanModel

/// An outstanding convertible's Conversion Amount at the exit: its Liquidity Capitalization
/// and Liquidity Price, and the common shares they give.
///
/// YC post-money safe, definitions: "Liquidity Price" is the Post-Money Valuation Cap divided
/// by the Liquidity Capitalization; the "Conversion Amount" is what the number of shares of
/// Common Stock equal to the Purchase Amount divided by the Liquidity Price would receive.
public struct LiquidityConversion: Sendable, Hashable {
  /// The Liquidity Capitalization, exact (conversion shares counted as fractions); nil when
  /// the shares were given or the instrument has no cap.
  public var capitalization: Ratio?
  /// The Liquidity Price, cap ÷ Liquidity Capitalization; nil as for `capitalization`, or
  /// when the capitalization is empty.
  public var price: Ratio?
  /// Common shares the Conversion Amount counts: floor(cash-out amount ÷ Liquidity Price).
  public var shares: Shares

  /// A conversion.
  public init(capitalization: Ratio?, price: Ratio?, shares: Shares) {
    self.capitalization = capitalization
    self.price = price
    self.shares = shares
  }

  /// Every convertible's conversion, given `base`: the capital stock as converted to common
  /// and the options counted (the unissued pool is never part of it).
  ///
  /// A post-money Liquidity Capitalization counts every converting security's shares, its
  /// own included: with k = Σ amount ÷ cap over the post-money instruments and P the shares
  /// of the others, LC = base + P + k × LC, so LC = (base + P) ÷ (1 − k), exact. A pre-money
  /// one is the base alone.
  static func solve(_ convertibles: [OutstandingConvertible], base: Ratio)
    throws(WaterfallError) -> [LiquidityConversion]
  {
    var others = Ratio.zero
    var k = Ratio.zero
    var circular: [String] = []
    for convertible in convertibles {
      switch convertible.conversion {
      case .shares(let shares):
        others += shares.ratio
      case .liquidityPrice(let cap, let kind):
        guard cap > .zero else {
          throw .nonPositiveValuationCap(convertible: convertible.name, cap)
        }
        switch kind {
        case .preMoney: others += convertible.cashOutAmount * base / cap
        case .postMoney:
          k += convertible.cashOutAmount / cap
          circular.append(convertible.name)
        }
      }
    }
    guard circular.isEmpty || k < .one else { throw .capsExceedCapitalization(circular) }
    let postMoney = circular.isEmpty ? base + others : (base + others) / (.one - k)
    var result: [LiquidityConversion] = []
    for convertible in convertibles {
      switch convertible.conversion {
      case .shares(let shares):
        result.append(LiquidityConversion(capitalization: nil, price: nil, shares: shares))
      case .liquidityPrice(let cap, let kind):
        let capitalization = kind == .postMoney ? postMoney : base
        guard capitalization > .zero else {
          result.append(
            LiquidityConversion(capitalization: capitalization, price: nil, shares: .zero))
          continue
        }
        let price = cap / capitalization
        guard let shares = (convertible.cashOutAmount / price).floorInt64 else {
          throw .overflow("the conversion shares of \(convertible.name)")
        }
        result.append(
          LiquidityConversion(
            capitalization: capitalization, price: price, shares: Shares(shares)))
      }
    }
    return result
  }
}
