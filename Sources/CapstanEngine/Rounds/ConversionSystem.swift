import CapstanModel

/// A converting security as the solver sees it: terms resolved, amount fixed.
struct Converter: Sendable, Hashable {
  /// The security.
  let id: SecurityID
  /// The holder.
  let holder: String
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

enum ConversionSystem {
  /// Solves the conversions exactly for one pool increase.
  static func solve(
    _ converters: [Converter], base: Ratio, poolIncrease: Ratio, price: PriceEquation
  ) throws(RoundError) -> ConversionState {
    var state: ConversionState
    switch price {
    case .known(let known):
      state = ConversionState(
        companyCapitalization: base, sharesPerUnit: known.reciprocal,
        binding: converters.map { _ in .roundPrice }, base: base, poolIncrease: poolIncrease)
    case .solve(let preMoney, _):
      state = ConversionState(
        companyCapitalization: base, sharesPerUnit: (base + poolIncrease) / preMoney,
        binding: converters.map { _ in .roundPrice }, base: base, poolIncrease: poolIncrease)
    }
    var binding = rebind(converters, state, current: nil)
    // Each round of policy iteration changes at least one term and the shares only grow;
    // the bound is generous.
    for _ in 0..<(4 * converters.count + 8) {
      state = try solveLinear(converters, binding, base: base, poolIncrease: poolIncrease, price)
      let next = rebind(converters, state, current: binding)
      if next == binding { return state }
      binding = next
    }
    throw .conversionDidNotConverge
  }

  /// Each security's best term at `state`: the most shares; the current term wins ties, then
  /// cap, discount, round price in that order.
  static func rebind(_ converters: [Converter], _ state: ConversionState, current: [BindingTerm]?)
    -> [BindingTerm]
  {
    converters.enumerated().map { index, converter in
      var terms: [BindingTerm] = []
      if converter.cap != nil { terms.append(.cap) }
      if converter.discount != nil { terms.append(.discount) }
      terms.append(.roundPrice)
      var best = terms[0]
      var most = state.shares(converter, best)
      for term in terms.dropFirst() {
        let shares = state.shares(converter, term)
        if shares > most {
          best = term
          most = shares
        }
      }
      if let current, state.shares(converter, current[index]) == most { return current[index] }
      return best
    }
  }

  /// Solves the linear system for fixed binding terms (see `ConversionState`).
  ///
  /// With s_i = α_i × CC + β_i × q + γ_i:
  ///   (1 − Σα) × CC − Σβ × q = base + Σγ
  /// and, when the price is solved with the conversions in the pricing shares,
  ///   −CC + V × q = P,   so   q = (base + Σγ + (1 − Σα) × P) ÷ ((1 − Σα) × V − Σβ).
  static func solveLinear(
    _ converters: [Converter], _ binding: [BindingTerm], base: Ratio, poolIncrease p: Ratio,
    _ price: PriceEquation
  ) throws(RoundError) -> ConversionState {
    var alpha = Ratio.zero
    var beta = Ratio.zero
    var gamma = Ratio.zero
    for (converter, term) in zip(converters, binding) {
      switch term {
      case .cap:
        guard let cap = converter.cap else { continue }
        let perShare = converter.amount / cap
        switch converter.capBasis {
        case .postMoneyCompanyCapitalization: alpha += perShare
        case .preMoneyCompanyCapitalization: gamma += perShare * (base + p)
        case .preMoneyFullyDiluted:
          alpha += perShare
          gamma += perShare * p
        }
      case .discount:
        beta += converter.amount / (.one - (converter.discount ?? .zero))
      case .roundPrice:
        beta += converter.amount
      }
    }
    let a11 = Ratio.one - alpha
    guard a11 > .zero else { throw .conversionsExceedCapitalization }
    let b1 = base + gamma
    let q: Ratio
    switch price {
    case .known(let known):
      q = known.reciprocal
    case .solve(let preMoney, .excludingConversions):
      q = (base + p) / preMoney
    case .solve(let preMoney, .includingConversions):
      let determinant = a11 * preMoney - beta
      guard determinant > .zero else { throw .conversionsExceedCapitalization }
      q = (b1 + a11 * p) / determinant
    }
    let companyCapitalization = (b1 + beta * q) / a11
    return ConversionState(
      companyCapitalization: companyCapitalization, sharesPerUnit: q, binding: binding,
      base: base, poolIncrease: p)
  }
}
