import CapstanModel

/// A converting security as the solver sees it: terms resolved, amount fixed.
struct Converter: Sendable, Hashable {
  /// The security.
  let id: SecurityID
  /// The holder.
  let holder: RoundParticipant
  /// What converts: the SAFE's purchase amount, or the note's principal plus interest.
  let amount: Ratio
  /// The valuation cap, if any.
  let cap: Ratio?
  /// The discount, if any and above zero.
  let discount: Ratio?
  /// What the cap is divided by.
  let capBasis: CapitalizationBasis
}

/// How the price is found while solving the conversions.
enum PriceEquation: Sendable, Hashable {
  /// The price is the pre-money divided over the pricing shares, which may include the
  /// conversion shares: solved together with them.
  case solve(preMoney: Ratio, basis: PricingBasis)
  /// The price is known (stated, or already rounded).
  case known(Ratio)
}

/// The exact solution of the conversions for one pool increase.
///
/// Unknowns: CC, the post-money SAFE "Company Capitalization" (base plus every converting
/// security's shares, fractional), and q = 1 ÷ price. Each security converts at the lowest of
/// its cap price, discount price and the round price ("whichever calculation results in a
/// greater number of shares", YC post-money SAFE §2 "Conversion Price"), so its shares are
/// s = amount ÷ that price, one of
///   cap:      amount × basis ÷ cap         (basis = CC, base + P, or CC + P)
///   discount: amount × q ÷ (1 − discount)
///   round:    amount × q
/// Every case is affine in (CC, q), so once the binding terms are fixed the system
///   CC = base + Σ s,    q × V = pricing shares (CC + P, or base + P)
/// is linear and solved exactly. The binding terms are found by policy iteration from below:
/// start with no conversion shares, bind each security to its best term there, solve, rebind,
/// until no security changes term. The shares grow monotonically, so this ends.
struct ConversionState: Sendable {
  /// The post-money SAFE Company Capitalization (fractional).
  let companyCapitalization: Ratio
  /// Shares per unit of money at the round price: q = 1 ÷ price.
  let sharesPerUnit: Ratio
  /// Each security's binding term, in order.
  let binding: [BindingTerm]
  /// The pre-round capitalization.
  let base: Ratio
  /// The pool increase.
  let poolIncrease: Ratio

  /// The round price per share.
  var price: Ratio { sharesPerUnit.reciprocal }

  /// The capitalization a security's cap is divided by.
  func capitalization(_ basis: CapitalizationBasis) -> Ratio {
    switch basis {
    case .postMoneyCompanyCapitalization: companyCapitalization
    case .preMoneyCompanyCapitalization: base + poolIncrease
    case .preMoneyFullyDiluted: companyCapitalization + poolIncrease
    }
  }

  /// The security's cap price: cap ÷ capitalization ("Safe Price").
  func capPrice(_ converter: Converter) -> Ratio? {
    converter.cap.map { $0 / capitalization(converter.capBasis) }
  }

  /// The security's discount price: round price × (1 − discount) ("Discount Price").
  func discountPrice(_ converter: Converter) -> Ratio? {
    converter.discount.map { price * (.one - $0) }
  }

  /// The price the security converts at under `term`.
  func conversionPrice(_ converter: Converter, _ term: BindingTerm) -> Ratio {
    switch term {
    case .cap: capPrice(converter) ?? price
    case .discount: discountPrice(converter) ?? price
    case .roundPrice: price
    }
  }

  /// The security's conversion shares, fractional.
  func shares(_ converter: Converter, _ term: BindingTerm) -> Ratio {
    converter.amount / conversionPrice(converter, term)
  }
}

/// Solves the conversions for one round, many times: for each pool increase the search tries,
/// then for each rounded price `settle` tries.
///
/// What does not depend on the pool increase or the price is computed once: each security's
/// amount over its cap and over its discount rate, and, per set of binding terms, the sums the
/// linear system is made of (see `solveLinear`). The exact rationals grow past 64 bits with many
/// securities, so every reduction saved counts.
struct ConversionSolver: Sendable {
  /// What one security contributes, fixed for the round.
  struct Constants: Sendable {
    /// amount ÷ cap: shares per share of capitalization when the cap binds.
    let perCapitalization: Ratio?
    /// amount ÷ (1 − discount): shares per unit of q when the discount binds.
    let discounted: Ratio?
    /// The shares per unit of amount × q under the discount: 1 ÷ (1 − discount).
    let discountFactor: Ratio?
  }

  /// The sums of the linear system for one set of binding terms (see `solveLinear`):
  /// s_i = α_i × CC + β_i × q + γ_i, with Σγ = preMoneyCap × base + (preMoneyCap + fullyDiluted)
  /// × P.
  struct Coefficients: Sendable {
    /// Σα: amount ÷ cap over the securities capped on CC or CC + P.
    let alpha: Ratio
    /// Σβ: the discount- and round-price-bound securities' amounts over their discount rates.
    let beta: Ratio
    /// amount ÷ cap over the securities capped on base + P.
    let preMoneyCap: Ratio
    /// amount ÷ cap over the securities capped on CC + P.
    let fullyDiluted: Ratio
  }

  let converters: [Converter]
  let base: Ratio
  let constants: [Constants]
  /// The sums for each set of binding terms met so far.
  private var coefficients: [[BindingTerm]: Coefficients] = [:]

  init(_ converters: [Converter], base: Ratio) {
    self.converters = converters
    self.base = base
    constants = converters.map { converter in
      let factor = converter.discount.map { Ratio.one / (.one - $0) }
      return Constants(
        perCapitalization: converter.cap.map { converter.amount / $0 },
        discounted: factor.map { converter.amount * $0 }, discountFactor: factor)
    }
  }

  /// Solves the conversions exactly for one pool increase.
  ///
  /// The binding terms are found by policy iteration from below: start with no conversion
  /// shares, bind each security to its best term there, solve, rebind, until no security
  /// changes term. The shares grow monotonically, so this ends.
  mutating func solve(poolIncrease: Ratio, price: PriceEquation) throws(RoundError)
    -> ConversionState
  {
    var state: ConversionState
    let roundPrice = converters.map { _ in BindingTerm.roundPrice }
    switch price {
    case .known(let known):
      state = ConversionState(
        companyCapitalization: base, sharesPerUnit: known.reciprocal,
        binding: roundPrice, base: base, poolIncrease: poolIncrease)
    case .solve(let preMoney, _):
      state = ConversionState(
        companyCapitalization: base, sharesPerUnit: (base + poolIncrease) / preMoney,
        binding: roundPrice, base: base, poolIncrease: poolIncrease)
    }
    var binding = rebind(state, current: nil)
    // Each round of policy iteration changes at least one term and the shares only grow;
    // the bound is generous.
    for _ in 0..<(4 * converters.count + 8) {
      state = try solveLinear(binding, poolIncrease: poolIncrease, price)
      let next = rebind(state, current: binding)
      if next == binding { return state }
      binding = next
    }
    throw .conversionDidNotConverge
  }

  /// Each security's best term at `state`: the most shares; the current term wins ties, then
  /// cap, discount, round price in that order.
  ///
  /// The terms are compared on shares ÷ (amount × q), which orders them as the shares do
  /// (amount and q are positive): capitalization × price ÷ cap for the cap, 1 ÷ (1 − discount)
  /// for the discount, 1 for the round price. Only the cap's value depends on the state,
  /// through capitalization × price, computed once per basis; the cap's value is compared
  /// by cross-multiplying, so no large quotient is reduced per security.
  func rebind(_ state: ConversionState, current: [BindingTerm]?) -> [BindingTerm] {
    var times: [CapitalizationBasis: Ratio] = [:]
    func capitalizationTimesPrice(_ basis: CapitalizationBasis) -> Ratio {
      if let known = times[basis] { return known }
      let value = state.capitalization(basis) / state.sharesPerUnit
      times[basis] = value
      return value
    }
    return converters.indices.map { index in
      let converter = converters[index]
      func value(_ term: BindingTerm) -> TermValue {
        switch term {
        case .cap:
          guard let cap = converter.cap else { return .constant(.one) }
          return .cap(capitalizationTimesPrice(converter.capBasis), over: cap)
        case .discount: return .constant(constants[index].discountFactor ?? .one)
        case .roundPrice: return .constant(.one)
        }
      }
      var terms: [BindingTerm] = []
      if converter.cap != nil { terms.append(.cap) }
      if converter.discount != nil { terms.append(.discount) }
      terms.append(.roundPrice)
      var best = terms[0]
      var most = value(best)
      for term in terms.dropFirst() {
        let candidate = value(term)
        if TermValue.compare(candidate, most) > 0 {
          best = term
          most = candidate
        }
      }
      if let current, current[index] != best,
        TermValue.compare(value(current[index]), most) == 0
      {
        return current[index]
      }
      return best
    }
  }

  /// A term's shares ÷ (amount × q), kept unreduced for the cap.
  enum TermValue {
    /// capitalization × price ÷ cap.
    case cap(Ratio, over: Ratio)
    /// A value that does not depend on the state.
    case constant(Ratio)

    /// -1, 0 or 1 as `a` is below, equal to or above `b` (caps are positive).
    static func compare(_ a: TermValue, _ b: TermValue) -> Int {
      let left: Ratio
      let right: Ratio
      switch (a, b) {
      case (.constant(let x), .constant(let y)): (left, right) = (x, y)
      case (.cap(let x, let cap), .constant(let y)): (left, right) = (x, cap * y)
      case (.constant(let x), .cap(let y, let cap)): (left, right) = (cap * x, y)
      case (.cap(let x, let capX), .cap(let y, let capY)): (left, right) = (x * capY, y * capX)
      }
      return left < right ? -1 : (left == right ? 0 : 1)
    }
  }

  /// The fractional conversion shares of the security at `index` under its binding term in
  /// `state`: the same value as `ConversionState.shares`, from the precomputed quotients
  /// (amount ÷ cap × capitalization, amount ÷ (1 − discount) × q, amount × q).
  func shares(_ index: Int, _ state: ConversionState) -> Ratio {
    let converter = converters[index]
    switch state.binding[index] {
    case .cap:
      guard let perCapitalization = constants[index].perCapitalization else {
        return converter.amount * state.sharesPerUnit
      }
      return perCapitalization * state.capitalization(converter.capBasis)
    case .discount:
      return (constants[index].discounted ?? converter.amount) * state.sharesPerUnit
    case .roundPrice:
      return converter.amount * state.sharesPerUnit
    }
  }

  /// The sums of the linear system for `binding`, computed once per set of terms.
  mutating func coefficients(_ binding: [BindingTerm]) -> Coefficients {
    if let known = coefficients[binding] { return known }
    var alpha = Ratio.zero
    var beta = Ratio.zero
    var preMoneyCap = Ratio.zero
    var fullyDiluted = Ratio.zero
    for (index, term) in binding.enumerated() {
      let converter = converters[index]
      switch term {
      case .cap:
        guard let perShare = constants[index].perCapitalization else { continue }
        switch converter.capBasis {
        case .postMoneyCompanyCapitalization: alpha += perShare
        case .preMoneyCompanyCapitalization: preMoneyCap += perShare
        case .preMoneyFullyDiluted:
          alpha += perShare
          fullyDiluted += perShare
        }
      case .discount:
        beta += constants[index].discounted ?? converter.amount
      case .roundPrice:
        beta += converter.amount
      }
    }
    let sums = Coefficients(
      alpha: alpha, beta: beta, preMoneyCap: preMoneyCap, fullyDiluted: fullyDiluted)
    coefficients[binding] = sums
    return sums
  }

  /// Solves the linear system for fixed binding terms (see `ConversionState`).
  ///
  /// With s_i = α_i × CC + β_i × q + γ_i:
  ///   (1 − Σα) × CC − Σβ × q = base + Σγ
  /// and, when the price is solved with the conversions in the pricing shares,
  ///   −CC + V × q = P,   so   q = (base + Σγ + (1 − Σα) × P) ÷ ((1 − Σα) × V − Σβ).
  mutating func solveLinear(_ binding: [BindingTerm], poolIncrease p: Ratio, _ price: PriceEquation)
    throws(RoundError) -> ConversionState
  {
    let sums = coefficients(binding)
    let a11 = Ratio.one - sums.alpha
    guard a11 > .zero else { throw .conversionsExceedCapitalization }
    let b1 = base + sums.preMoneyCap * base + (sums.preMoneyCap + sums.fullyDiluted) * p
    let q: Ratio
    switch price {
    case .known(let known):
      q = known.reciprocal
    case .solve(let preMoney, .excludingConversions):
      q = (base + p) / preMoney
    case .solve(let preMoney, .includingConversions), .solve(let preMoney, .dollarsInvested):
      // Dollars invested divides (pre-money + converting dollars), already in `preMoney`, over
      // the same shares as including-conversions (Cooley's note on pricing methods).
      let determinant = a11 * preMoney - sums.beta
      guard determinant > .zero else { throw .conversionsExceedCapitalization }
      q = (b1 + a11 * p) / determinant
    }
    let companyCapitalization = (b1 + sums.beta * q) / a11
    return ConversionState(
      companyCapitalization: companyCapitalization, sharesPerUnit: q, binding: binding,
      base: base, poolIncrease: p)
  }
}
