import CapstanModel

/// A round's input, checked and resolved: MFN terms adopted, note interest accrued, every
/// SAFE and note reduced to a `Converter`.
struct RoundPlan: Sendable {
  /// A pro rata election with the rights it rests on.
  struct Election: Sendable {
    let holder: RoundParticipant
    let take: ProRataTake
    /// Stock and options before the round, when the holder has an IRA-style right.
    let heldUnderRight: Ratio?
    /// The indices in `converters` of the holder's SAFEs with a pro rata side letter.
    let sideLetters: [Int]
  }

  let input: RoundInput
  /// Stock, options and unissued pool before the round.
  let base: Ratio
  /// The unissued pool before the round.
  let unissuedPool: Ratio
  /// SAFEs then notes, in input order.
  let converters: [Converter]
  /// What each converter is, in the same order.
  let instruments: [ConvertedInstrument]
  /// The terms each converter converts on (after MFN elections), in the same order.
  let terms: [SAFETerms]
  /// R: the new investors' amounts.
  let investorMoney: Ratio
  /// How the exact price is found; under the dollars-invested method its pre-money includes
  /// `convertingDollars`.
  let priceEquation: PriceEquation
  /// The SAFE and note money added to the pre-money to price the round (dollars-invested
  /// method only; zero otherwise).
  let convertingDollars: Ratio
  /// Pro rata elections, in input order.
  let elections: [Election]
  /// The conversion solver for this round, with nothing solved yet: copy it and keep the copy
  /// for all the solves of one model.
  let solver: ConversionSolver

  init(_ input: RoundInput) throws(RoundError) {
    self.input = input
    let capitalization = input.capitalization
    var holders = Set<RoundParticipant.Key>()
    for holding in capitalization.holdings {
      guard holding.stock >= .zero, holding.options >= .zero else {
        throw .negativeHolding(holder: holding.name)
      }
      guard holding.stock <= Shares.maximumInput, holding.options <= Shares.maximumInput else {
        throw .overflow("holding of '\(holding.name)'")
      }
      guard holders.insert(holding.holder.key).inserted else {
        throw .duplicateHolder(holding.name)
      }
    }
    guard capitalization.unissuedPool >= .zero else {
      throw .negativeHolding(holder: "unissued pool")
    }
    guard capitalization.unissuedPool <= Shares.maximumInput else {
      throw .overflow("unissued pool")
    }
    base = capitalization.fullyDiluted
    unissuedPool = capitalization.unissuedPool.ratio
    guard base > .zero else { throw .emptyCapitalization }

    guard !input.investors.isEmpty else { throw .noInvestors }
    var investors = Set<RoundParticipant.Key>()
    for investor in input.investors {
      guard investor.amount > .zero else {
        throw .nonPositiveInvestment(investor: investor.name, amount: investor.amount)
      }
      guard investors.insert(investor.investor.key).inserted else {
        throw .duplicateInvestor(investor.name)
      }
    }
    investorMoney = Ratio.sum(input.investors.map(\.amount))

    let agreedPreMoney: Ratio?
    switch input.valuation {
    case .preMoney(let value):
      guard value > .zero else { throw .nonPositiveValuation(value) }
      agreedPreMoney = value
    case .postMoney(let value):
      guard value > .zero else { throw .nonPositiveValuation(value) }
      guard value > investorMoney else {
        throw .postMoneyNotAboveNewMoney(postMoney: value, newMoney: investorMoney)
      }
      agreedPreMoney = value - investorMoney
    case .pricePerShare(let price):
      guard price > .zero else { throw .nonPositivePrice(price) }
      agreedPreMoney = nil
    }

    var ids = Set<SecurityID>()
    for id in input.safes.map(\.id) + input.notes.map(\.id) {
      guard ids.insert(id).inserted else { throw .duplicateSecurity(id) }
    }
    var converters: [Converter] = []
    var instruments: [ConvertedInstrument] = []
    var terms: [SAFETerms] = []
    for safe in input.safes {
      try Self.check(safe.id, amount: safe.purchaseAmount, safe.terms)
      var effective = safe.terms
      var adopted: SecurityID?
      if case .adopting(let laterID) = safe.mostFavoredNation {
        effective = try Self.adoptedTerms(of: laterID, by: safe, in: input.safes)
        adopted = laterID
      }
      converters.append(
        Converter(
          id: safe.id, holder: safe.holder, amount: safe.purchaseAmount,
          cap: effective.valuationCap, discount: Self.positive(effective.discount),
          capBasis: safe.kind.capBasis))
      instruments.append(.safe(safe.kind, adoptedTermsOf: adopted))
      terms.append(effective)
    }
    for note in input.notes {
      let noteTerms = SAFETerms(valuationCap: note.valuationCap, discount: note.discount)
      try Self.check(note.id, amount: note.principal, noteTerms)
      let accrual = try note.accrual(to: input.closing, rounding: input.rounding)
      converters.append(
        Converter(
          id: note.id, holder: note.holder, amount: accrual.convertingAmount,
          cap: note.valuationCap, discount: Self.positive(note.discount),
          capBasis: note.capBasis))
      instruments.append(.note(accrual))
      terms.append(noteTerms)
    }
    self.converters = converters
    self.instruments = instruments
    self.terms = terms
    // The dollars-invested method prices the round on the pre-money plus the converting money.
    convertingDollars =
      input.pricingBasis == .dollarsInvested ? Ratio.sum(converters.map(\.amount)) : .zero
    if case .pricePerShare(let price) = input.valuation {
      priceEquation = .known(price)
    } else {
      priceEquation = .solve(
        preMoney: (agreedPreMoney ?? .zero) + convertingDollars, basis: input.pricingBasis)
    }

    // Holders are joined on their keys (stakeholder ids), never on their names.
    let rightHolders = Set(capitalization.holdings.filter(\.proRataRight).map(\.holder.key))
    let entitled = rightHolders.union(input.safes.filter(\.proRata).map(\.holder.key))
    var elected = Set<RoundParticipant.Key>()
    var elections: [Election] = []
    for election in input.proRata {
      let key = election.holder.key
      guard entitled.contains(key) else {
        throw .noProRataRight(holder: election.holder.name)
      }
      guard elected.insert(key).inserted else {
        throw .duplicateProRataElection(holder: election.holder.name)
      }
      if case .amount(let amount) = election.take, amount.isNegative {
        throw .negativeProRataAmount(holder: election.holder.name, amount: amount)
      }
      let held = capitalization.holdings.first { $0.holder.key == key }
      let sideLetters = input.safes.indices.filter {
        input.safes[$0].proRata && input.safes[$0].holder.key == key
      }
      elections.append(
        Election(
          holder: held?.holder ?? election.holder, take: election.take,
          heldUnderRight: rightHolders.contains(key)
            ? held.map { $0.stock.ratio + $0.options.ratio } ?? .zero : nil,
          sideLetters: sideLetters))
    }
    self.elections = elections
    solver = ConversionSolver(converters, base: base)
  }

  /// Checks a SAFE's or note's amount, cap and discount.
  static func check(_ id: SecurityID, amount: Ratio, _ terms: SAFETerms) throws(RoundError) {
    guard amount > .zero else { throw .nonPositiveAmount(security: id, amount: amount) }
    if let cap = terms.valuationCap, cap <= .zero {
      throw .nonPositiveCap(security: id, cap: cap)
    }
    if let discount = terms.discount, discount.isNegative || discount >= .one {
      throw .discountOutOfRange(security: id, discount: discount)
    }
  }

  /// The terms an MFN election takes: the named later SAFE's cap and discount.
  static func adoptedTerms(of laterID: SecurityID, by safe: SAFE, in safes: [SAFE])
    throws(RoundError) -> SAFETerms
  {
    guard let later = safes.first(where: { $0.id == laterID }) else {
      throw .unknownSecurity(laterID)
    }
    if later.id == safe.id {
      throw .invalidMFNReference(security: safe.id, adopting: laterID)
    }
    if case .adopting = later.mostFavoredNation {
      throw .invalidMFNReference(security: safe.id, adopting: laterID)
    }
    if let mine = safe.issued, let theirs = later.issued, theirs <= mine {
      throw .mfnTermsNotLater(security: safe.id, adopting: laterID)
    }
    return later.terms
  }

  /// The discount when above zero (a 0 % discount is no discount).
  static func positive(_ discount: Ratio?) -> Ratio? {
    guard let discount, discount > .zero else { return nil }
    return discount
  }

  /// The round solved exactly for a pool increase: fractional shares, unrounded price.
  ///
  /// Pre-money fully diluted shares are CC + P (CC already counts every conversion share);
  /// conversion shares are computed one by one only for holders who elect pro rata.
  func exactSolution(poolIncrease p: Ratio, solver: inout ConversionSolver)
    throws(RoundError) -> ExactSolution
  {
    let state = try solver.solve(poolIncrease: p, price: priceEquation)
    let preMoneyFullyDiluted = state.companyCapitalization + p
    let q = state.sharesPerUnit
    let sold = investorMoney * q
    // Pro rata purchases are carved out of the round's shares unless they come on top.
    var proRataShares = Ratio.zero
    if input.proRataOnTop {
      let converted = converters.indices.map { solver.shares($0, state) }
      for election in elections {
        let entitlement = fraction(election, conversionShares: converted) * sold
        proRataShares += Self.taken(election.take, entitlement: entitlement / q) * q
      }
    }
    let postMoneyFullyDiluted = preMoneyFullyDiluted + sold + proRataShares
    return ExactSolution(
      price: state.price, companyCapitalization: state.companyCapitalization,
      preMoneyFullyDiluted: preMoneyFullyDiluted, postMoneyFullyDiluted: postMoneyFullyDiluted,
      unissuedPoolFraction: (unissuedPool + p) / postMoneyFullyDiluted)
  }

  /// The holder's fraction of the securities the round sells.
  ///
  /// Under an IRA-style right (NVCA Investors' Rights Agreement): its fully diluted shares ÷
  /// (fully diluted − the unissued pool), both before the round. Under a YC pro rata side
  /// letter: its SAFEs' conversion shares ÷ (the pre-round capitalization as converted, the
  /// unissued pool and every conversion share, without the round's pool increase). A holder
  /// with both adds the two.
  func fraction(_ election: Election, conversionShares: [Ratio]) -> Ratio {
    var fraction = Ratio.zero
    if let held = election.heldUnderRight, base > unissuedPool {
      fraction += held / (base - unissuedPool)
    }
    if !election.sideLetters.isEmpty {
      let converted = Ratio.sum(election.sideLetters.map { conversionShares[$0] })
      fraction += converted / (base + Ratio.sum(conversionShares))
    }
    return fraction
  }

  /// The amount a pro rata election takes, capped at the entitlement.
  static func taken(_ take: ProRataTake, entitlement: Ratio) -> Ratio {
    switch take {
    case .full: entitlement
    case .declined: .zero
    case .amount(let amount): min(amount, entitlement)
    }
  }
}
