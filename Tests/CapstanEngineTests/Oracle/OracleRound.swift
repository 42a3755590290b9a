import CapstanEngine
import CapstanModel

/// A second, deliberately plain implementation of a priced round, for checking the engine.
///
/// It reads the engine's input values but none of its algorithms, and follows issue 13's
/// definitions (docs/verification.md): with F + E the pre-round capitalization as converted
/// with options and the unissued pool, X the pool increase and S the conversion shares,
/// - `including-conversions`: price = pre ÷ (F + E + X + ΣS);
/// - `excluding-conversions`: price = pre ÷ (F + E + X);
/// - `dollars-invested`: price = (pre + Σ converting amounts) ÷ (F + E + X + ΣS);
/// - a stated price is used exactly as given.
///
/// The circularity is solved by brute force: for every choice of binding term per security
/// (cap, discount, round price) the round is a linear system in two unknowns, solved exactly;
/// the consistent choice (each security's term really gives it the most shares) is kept.
struct OracleRound {
  /// One SAFE or note as the oracle reads it.
  struct Converter: Sendable {
    let id: SecurityID
    let holder: RoundParticipant
    /// The purchase amount, or principal plus interest rounded to cents.
    let amount: Ratio
    let cap: Ratio?
    let discount: Ratio?
    let basis: CapitalizationBasis
    /// Whether the holder has a pro rata side letter.
    let proRata: Bool

    /// The terms that may bind: the round price always, the cap and discount when present.
    var candidateTerms: [BindingTerm] {
      var terms: [BindingTerm] = [.roundPrice]
      if cap != nil { terms.append(.cap) }
      if discount != nil { terms.append(.discount) }
      return terms
    }
  }

  /// How the price is found.
  enum PriceRule: Sendable {
    /// price = value ÷ (F + E + X + ΣS when `countsConversions`, else F + E + X).
    case divide(value: Ratio, countsConversions: Bool)
    /// A stated price, used as given.
    case stated(Ratio)
  }

  /// An exact solution: 1 ÷ price, and the sum of the fractional conversion shares.
  struct Exact: Sendable {
    let terms: [BindingTerm]
    let sharesPerDollar: Ratio
    let conversionShares: Ratio
    var price: Ratio { sharesPerDollar.reciprocal }
  }

  let input: RoundInput
  /// F + E: stock as converted, options outstanding and the unissued pool.
  let base: Ratio
  let converters: [Converter]
  let priceRule: PriceRule
  /// The new investors' amounts.
  let investorMoney: Ratio

  init(_ input: RoundInput) {
    self.input = input
    var base = input.capitalization.unissuedPool.ratio
    for holding in input.capitalization.holdings {
      base += holding.stock.ratio + holding.options.ratio
    }
    self.base = base
    var converters: [Converter] = []
    for safe in input.safes {
      var terms = safe.terms
      if case .adopting(let other) = safe.mostFavoredNation,
        let adopted = input.safes.first(where: { $0.id == other })
      {
        terms = adopted.terms
      }
      converters.append(
        Converter(
          id: safe.id, holder: safe.holder, amount: safe.purchaseAmount,
          cap: terms.valuationCap, discount: Self.realDiscount(terms.discount),
          basis: safe.kind == .postMoney
            ? .postMoneyCompanyCapitalization : .preMoneyCompanyCapitalization,
          proRata: safe.proRata))
    }
    for note in input.notes {
      let interest = OracleInterest.interest(note, to: input.closing)
        .rounded(places: input.rounding.interestPlaces, .halfUp)
      converters.append(
        Converter(
          id: note.id, holder: note.holder, amount: note.principal + interest,
          cap: note.valuationCap, discount: Self.realDiscount(note.discount),
          basis: note.capBasis, proRata: false))
    }
    self.converters = converters
    var investorMoney = Ratio.zero
    for investor in input.investors { investorMoney += investor.amount }
    self.investorMoney = investorMoney
    var converting = Ratio.zero
    for converter in converters { converting += converter.amount }
    switch input.valuation {
    case .pricePerShare(let price):
      priceRule = .stated(price)
    case .preMoney(let value), .postMoney(let value):
      var preMoney = value
      if case .postMoney = input.valuation { preMoney = value - investorMoney }
      switch input.pricingBasis {
      case .includingConversions:
        priceRule = .divide(value: preMoney, countsConversions: true)
      case .excludingConversions:
        priceRule = .divide(value: preMoney, countsConversions: false)
      case .dollarsInvested:
        priceRule = .divide(value: preMoney + converting, countsConversions: true)
      }
    }
  }

  /// A 0 % discount is no discount.
  static func realDiscount(_ discount: Ratio?) -> Ratio? {
    guard let discount, discount > .zero else { return nil }
    return discount
  }

  /// The capitalization a converter's cap is divided by, given ΣS = `t` and increase `x`.
  func capitalization(_ converter: Converter, conversionShares t: Ratio, increase x: Ratio)
    -> Ratio
  {
    switch converter.basis {
    case .postMoneyCompanyCapitalization: base + t
    case .preMoneyCompanyCapitalization: base + x
    case .preMoneyFullyDiluted: base + x + t
    }
  }

  /// Fractional shares of `converter` under `term`, given ΣS, the increase and 1 ÷ price.
  func shares(
    _ converter: Converter, _ term: BindingTerm, conversionShares t: Ratio, increase x: Ratio,
    sharesPerDollar q: Ratio
  ) -> Ratio {
    switch term {
    case .cap:
      let cap = converter.cap ?? .one
      return converter.amount * capitalization(converter, conversionShares: t, increase: x) / cap
    case .discount:
      return converter.amount * q / (.one - (converter.discount ?? .zero))
    case .roundPrice:
      return converter.amount * q
    }
  }

  /// Every combination of candidate terms, one term per converter.
  var termChoices: [[BindingTerm]] {
    var choices: [[BindingTerm]] = [[]]
    for converter in converters {
      choices = choices.flatMap { prefix in converter.candidateTerms.map { prefix + [$0] } }
    }
    return choices
  }

  /// The exact round for increase `x`: every term choice solved, the consistent one with the
  /// most conversion shares kept; nil when none is consistent and positive.
  ///
  /// `knownPrice` fixes the price (a stated price, or the rounded price when settling).
  func exact(increase x: Ratio, knownPrice: Ratio? = nil) -> Exact? {
    var best: Exact?
    for terms in termChoices {
      guard let solution = solve(terms, increase: x, knownPrice: knownPrice),
        isConsistent(solution, increase: x)
      else { continue }
      if let current = best, current.conversionShares >= solution.conversionShares { continue }
      best = solution
    }
    return best
  }

  /// The linear system of one term choice, with T = ΣS and q = 1 ÷ price:
  /// (1 − β)·T − γ·q = α from the conversions, and W·q − c·T = F + E + X from the price.
  func solve(_ terms: [BindingTerm], increase x: Ratio, knownPrice: Ratio?) -> Exact? {
    var alpha = Ratio.zero
    var beta = Ratio.zero
    var gamma = Ratio.zero
    for (converter, term) in zip(converters, terms) {
      switch term {
      case .cap:
        let k = converter.amount / (converter.cap ?? .one)
        switch converter.basis {
        case .postMoneyCompanyCapitalization:
          alpha += k * base
          beta += k
        case .preMoneyCompanyCapitalization:
          alpha += k * (base + x)
        case .preMoneyFullyDiluted:
          alpha += k * (base + x)
          beta += k
        }
      case .discount:
        gamma += converter.amount / (.one - (converter.discount ?? .zero))
      case .roundPrice:
        gamma += converter.amount
      }
    }
    let pricing = base + x
    let price: Ratio?
    if let knownPrice {
      price = knownPrice
    } else if case .stated(let stated) = priceRule {
      price = stated
    } else {
      price = nil
    }
    if let price {
      guard price > .zero, beta < .one else { return nil }
      let q = price.reciprocal
      return Exact(
        terms: terms, sharesPerDollar: q, conversionShares: (alpha + gamma * q) / (.one - beta))
    }
    guard case .divide(let value, let countsConversions) = priceRule else { return nil }
    let c: Ratio = countsConversions ? .one : .zero
    let determinant = (.one - beta) * value - gamma * c
    guard determinant > .zero else { return nil }
    let t = (alpha * value + gamma * pricing) / determinant
    let q = ((.one - beta) * pricing + c * alpha) / determinant
    guard q > .zero, !t.isNegative else { return nil }
    return Exact(terms: terms, sharesPerDollar: q, conversionShares: t)
  }

  /// Whether every converter's chosen term gives it at least as many shares as its others.
  func isConsistent(_ solution: Exact, increase x: Ratio) -> Bool {
    for (converter, chosen) in zip(converters, solution.terms) {
      let mine = shares(
        converter, chosen, conversionShares: solution.conversionShares, increase: x,
        sharesPerDollar: solution.sharesPerDollar)
      for other in converter.candidateTerms where other != chosen {
        let theirs = shares(
          converter, other, conversionShares: solution.conversionShares, increase: x,
          sharesPerDollar: solution.sharesPerDollar)
        if theirs > mine { return false }
      }
    }
    return true
  }

  /// The conversion price of `converter` in `solution`: the lowest of its candidate prices.
  func conversionPrice(_ converter: Converter, in solution: Exact, increase x: Ratio) -> Ratio {
    var lowest = solution.price
    if let cap = converter.cap {
      lowest = min(
        lowest,
        cap / capitalization(converter, conversionShares: solution.conversionShares, increase: x))
    }
    if let discount = converter.discount {
      lowest = min(lowest, solution.price * (.one - discount))
    }
    return lowest
  }
}
