import CapstanEngine
import CapstanModel

/// A preferred series with anti-dilution protection, held by one pre-round holder whose
/// `stock` counts the series as converted at CP1.
struct OracleProtectedSeries: Sendable {
  let holder: String
  let shares: Int64
  let originalIssuePrice: Ratio
  let cp1: Ratio
  let protection: AntiDilution

  /// The series as converted: ⌊shares × original issue price ÷ conversion price⌋.
  func asConverted(at conversionPrice: Ratio) -> Int64 {
    Int64(clamping: (Ratio(shares) * originalIssuePrice / conversionPrice).floor)
  }
}

/// What the oracle says a round gives, every count whole.
struct OracleRoundOutcome: Sendable, CustomStringConvertible {
  struct Conversion: Sendable, Equatable {
    let id: SecurityID
    let price: Ratio
    let shares: Int64
  }
  struct Purchase: Sendable, Equatable {
    let name: String
    let shares: Int64
  }
  struct Adjustment: Sendable, Equatable {
    let holder: String
    let cp2: Ratio
    let asConverted: Int64
  }

  /// The price of the exact (fractional) solution at the chosen increase.
  var exactPrice: Ratio
  /// The price paid: rounded per the policy, or the stated price as given.
  var price: Ratio
  var poolIncrease: Int64
  var conversions: [Conversion]
  var investors: [Purchase]
  var proRata: [Purchase]
  var adjustments: [Adjustment]
  /// Post-money fully diluted shares, anti-dilution adjustments included.
  var postMoneyFullyDiluted: Int64

  var description: String {
    "price \(price.decimalString(places: 6)), pool +\(poolIncrease), conversions "
      + conversions.map { "\($0.id.rawValue) \($0.shares) at \($0.price.decimalString(places: 6))" }
      .joined(separator: ", ")
      + "; investors \(investors.map(\.shares)); pro rata \(proRata.map(\.shares)); "
      + "adjusted \(adjustments.map { "\($0.holder) CP2 \($0.cp2.decimalString(places: 4))" }); "
      + "post \(postMoneyFullyDiluted)"
  }
}

extension OracleRound {
  /// The unissued pool before the round.
  var unissuedPool: Ratio { input.capitalization.unissuedPool.ratio }

  /// The pool's fraction of post-money fully diluted shares in the exact solution.
  func poolFraction(_ solution: Exact, increase x: Ratio) -> Ratio {
    let postMoney = base + x + solution.conversionShares + investorMoney * solution.sharesPerDollar
    return (unissuedPool + x) / postMoney
  }

  /// The increase: as stated, or the smallest whole X whose exact solution meets the target
  /// (found by doubling, then halving the interval; the fraction grows with X).
  func poolIncrease() -> Int64? {
    switch input.pool {
    case .none: return 0
    case .increase(let shares): return shares.count
    case .target(let target):
      func meets(_ x: Int64) -> Bool? {
        guard let solution = exact(increase: Ratio(x)) else { return nil }
        return poolFraction(solution, increase: Ratio(x)) >= target
      }
      guard let atZero = meets(0) else { return nil }
      if atZero { return 0 }
      var low: Int64 = 0
      var high: Int64 = 1
      while true {
        guard let reached = meets(high) else { return nil }
        if reached { break }
        low = high
        high *= 2
        if high > 1 << 50 { return nil }
      }
      while high - low > 1 {
        let middle = (low + high) / 2
        guard let reached = meets(middle) else { return nil }
        if reached { high = middle } else { low = middle }
      }
      return high
    }
  }

  /// The price paid and the exact conversions at it.
  ///
  /// A stated price is used as given. Otherwise the convention of docs/round-modelling.md:
  /// the rounded price p_r must equal round(value ÷ pricing shares), the pricing shares counting
  /// the conversion shares floored at conversion prices that use p_r; the oracle tries
  /// round(exact price) and each 0.0001 above it in turn and takes the first that holds.
  func settle(increase x: Ratio, exactPrice: Ratio) -> (Ratio, Exact)? {
    if case .stated(let price) = priceRule {
      guard let solution = exact(increase: x, knownPrice: price) else { return nil }
      return (price, solution)
    }
    guard case .divide(let value, let countsConversions) = priceRule else { return nil }
    let places = input.rounding.roundPricePlaces
    let tick = Ratio(1, Int64(10).power(places))
    var candidate = exactPrice.rounded(places: places, input.rounding.roundPriceRule)
    for _ in 0..<1_000 {
      guard candidate > .zero, let solution = exact(increase: x, knownPrice: candidate) else {
        return nil
      }
      var pricing = base + x
      if countsConversions {
        for converter in converters {
          pricing +=
            (converter.amount / conversionPrice(converter, in: solution, increase: x))
            .floorRatio
        }
      }
      let implied = (value / pricing).rounded(places: places, input.rounding.roundPriceRule)
      if implied == candidate { return (candidate, solution) }
      candidate += tick
    }
    return nil
  }

  /// The whole round, or nil when it has no consistent positive solution.
  func outcome(protected series: [OracleProtectedSeries] = []) -> OracleRoundOutcome? {
    guard let increase = poolIncrease(), let exact = exact(increase: Ratio(increase)),
      let (price, atPrice) = settle(increase: Ratio(increase), exactPrice: exact.price)
    else { return nil }
    let x = Ratio(increase)
    var conversions: [OracleRoundOutcome.Conversion] = []
    var converted: Int64 = 0
    for converter in converters {
      let conversionPrice = conversionPrice(converter, in: atPrice, increase: x)
      let shares = Int64(clamping: (converter.amount / conversionPrice).floor)
      conversions.append(.init(id: converter.id, price: conversionPrice, shares: shares))
      converted += shares
    }
    var investors = input.investors.map {
      OracleRoundOutcome.Purchase(name: $0.name, shares: Int64(clamping: ($0.amount / price).floor))
    }
    let sold = investors.reduce(Int64(0)) { $0 + $1.shares }
    let proRata = proRataPurchases(conversions, sold: sold, price: price)
    // Pro rata purchases are carved out of the lead's (first investor's) allocation.
    let carved = proRata.reduce(Int64(0)) { $0 + $1.shares }
    if carved > 0 {
      // More than the lead buys cannot be carved out of its allocation.
      guard let lead = investors.first, lead.shares >= carved else { return nil }
      investors[0] = .init(name: lead.name, shares: lead.shares - carved)
    }
    // NVCA charter 4.4.4: C is every share issued for cash in the round (pro rata included),
    // B what that cash would have bought at CP1.
    let c = sold
    let cash = Ratio(c) * price
    var adjustments: [OracleRoundOutcome.Adjustment] = []
    var gained: Int64 = 0
    for protected in series where c > 0 && price < protected.cp1 {
      let cp2 = newConversionPrice(protected, newPrice: price, cash: cash, issued: c)
      guard cp2 < protected.cp1 else { continue }
      let now = protected.asConverted(at: cp2)
      adjustments.append(.init(holder: protected.holder, cp2: cp2, asConverted: now))
      gained += now - protected.asConverted(at: protected.cp1)
    }
    let postMoney =
      Int64(clamping: base.floor) + increase + converted + sold + gained
    return OracleRoundOutcome(
      exactPrice: exact.price, price: price, poolIncrease: increase, conversions: conversions,
      investors: investors, proRata: proRata, adjustments: adjustments,
      postMoneyFullyDiluted: postMoney)
  }

  /// CP2 (NVCA charter 4.4.4, rounded half-up to 4 places, never above CP1): weighted average
  /// CP1 × (A + B) ÷ (A + C), A broad-based (common, preferred as converted, options
  /// outstanding, no unissued pool) or narrow-based (the series as converted); full ratchet
  /// the new price.
  func newConversionPrice(
    _ series: OracleProtectedSeries, newPrice: Ratio, cash: Ratio, issued c: Int64
  ) -> Ratio {
    let places = input.rounding.antiDilutionPricePlaces
    let a: Ratio
    switch series.protection {
    case .none: return series.cp1
    case .fullRatchet: return min(series.cp1, newPrice.rounded(places: places, .halfUp))
    case .broadBasedWeightedAverage: a = base - unissuedPool
    case .narrowBasedWeightedAverage: a = Ratio(series.asConverted(at: series.cp1))
    }
    let b = cash / series.cp1
    let cp2 = series.cp1 * (a + b) / (a + Ratio(c))
    return min(series.cp1, cp2.rounded(places: places, .halfUp))
  }

  /// Pro rata per issue 13: entitlement = ⌊fraction × shares sold⌋, the fraction being a
  /// side-letter SAFE's conversion shares ÷ (F + E + ΣS), or an IRA holder's fully diluted
  /// shares ÷ (fully diluted − unissued pool), both before the round.
  func proRataPurchases(
    _ conversions: [OracleRoundOutcome.Conversion], sold: Int64, price: Ratio
  ) -> [OracleRoundOutcome.Purchase] {
    let allConverted = Ratio(conversions.reduce(Int64(0)) { $0 + $1.shares })
    var purchases: [OracleRoundOutcome.Purchase] = []
    for election in input.proRata {
      var fraction = Ratio.zero
      for (converter, conversion) in zip(converters, conversions)
      where converter.holder.key == election.holder.key && converter.proRata {
        fraction += Ratio(conversion.shares) / (base + allConverted)
      }
      for holding in input.capitalization.holdings
      where holding.holder.key == election.holder.key && holding.proRataRight {
        fraction += (holding.stock.ratio + holding.options.ratio) / (base - unissuedPool)
      }
      let entitlement = Int64(clamping: (fraction * Ratio(sold)).floor)
      let taken: Int64
      switch election.take {
      case .full: taken = entitlement
      case .declined: taken = 0
      case .amount(let amount): taken = min(entitlement, Int64(clamping: (amount / price).floor))
      }
      purchases.append(.init(name: election.holder.name, shares: taken))
    }
    return purchases
  }
}

extension Ratio {
  /// The floor as a `Ratio`.
  var floorRatio: Ratio { Ratio(floor) }
}

extension Int64 {
  /// self raised to a small non-negative power.
  func power(_ exponent: Int) -> Int64 {
    (0..<exponent).reduce(Int64(1)) { value, _ in value * self }
  }
}
