import CapstanModel

/// Models a priced equity round: pool top-up, SAFE and note conversion, new money, pro rata.
///
/// The engine is pure: it reads a `RoundInput` and returns a `RoundResult`; nothing is written
/// to a ledger. The method (see docs/round-modelling.md):
/// 1. Solve the round exactly, with fractional shares: the price, the conversions and the pool
///    increase are circular, and for a given increase the conversions and price are a linear
///    system once each security's binding term is known (`ConversionSolver`).
/// 2. For a pool target, take the smallest whole increase whose exact solution meets it.
/// 3. Round: the price half-up to 4 decimals, then every share count floored, settling the
///    rounded price and the floored conversion shares on a consistent pair.
public enum PricedRound {
  /// Computes the round's price, share counts and pro forma table from `input`.
  public static func model(_ input: RoundInput) throws(RoundError) -> RoundResult {
    let plan = try RoundPlan(input)
    var solver = plan.solver
    let (increase, targetCheck, solved) = try plan.poolIncrease(input.pool, solver: &solver)
    let exact: ExactSolution
    if let solved {
      exact = solved
    } else {
      exact = try plan.exactSolution(poolIncrease: increase.ratio, solver: &solver)
    }
    let settled = try plan.settle(poolIncrease: increase, from: exact.price, solver: &solver)
    return try plan.result(settled, increase: increase, target: targetCheck, exact: exact)
  }
}

/// The rounded price and the conversions that go with it.
struct Settlement: Sendable {
  let price: RoundPrice
  let state: ConversionState
  let conversionShares: [Shares]
  let preMoneyFullyDiluted: Ratio
  let pricingShares: Ratio
}

extension RoundPlan {
  /// Finds the rounded price: p_r = round(V ÷ pricing shares), where the pricing shares count
  /// the conversion shares floored at conversion prices that themselves use p_r.
  ///
  /// Starting from the exact solution's price, each step recomputes the conversions at p_r and
  /// the price from them. A lower p_r never lowers the conversion shares, so the steps move one
  /// way on the grid of rounded prices and stop at a consistent pair (usually at once).
  func settle(poolIncrease: Shares, from exactPrice: Ratio, solver: inout ConversionSolver)
    throws(RoundError) -> Settlement
  {
    let p = poolIncrease.ratio
    // A stated price is used exactly as given: only a computed price is rounded.
    func rounding(_ exact: Ratio) -> Ratio {
      if case .known = priceEquation { return exact }
      return input.rounding.roundPrice(exact)
    }
    var rounded = rounding(exactPrice)
    for _ in 0..<10_000 {
      guard rounded > .zero else { throw .zeroRoundPrice(exact: exactPrice) }
      let state = try solver.solve(poolIncrease: p, price: .known(rounded))
      var conversionShares: [Shares] = []
      for (index, converter) in converters.enumerated() {
        let shares = solver.shares(index, state)
        conversionShares.append(try Self.whole(shares, "conversion of \(converter.id)"))
      }
      let converted = Ratio.sum(conversionShares.map(\.ratio))
      let preMoneyFullyDiluted = base + p + converted
      let pricingShares: Ratio =
        input.pricingBasis == .excludingConversions ? base + p : preMoneyFullyDiluted
      let exact: Ratio
      switch priceEquation {
      case .known(let stated): exact = stated
      case .solve(let preMoney, _): exact = preMoney / pricingShares
      }
      let next = rounding(exact)
      if next == rounded {
        return Settlement(
          price: RoundPrice(exact: exact, rounded: rounded), state: state,
          conversionShares: conversionShares, preMoneyFullyDiluted: preMoneyFullyDiluted,
          pricingShares: pricingShares)
      }
      rounded = next
    }
    throw .priceDidNotSettle
  }

  /// A count floored to whole shares, or `overflow`.
  static func whole(_ value: Ratio, _ what: String) throws(RoundError) -> Shares {
    guard let count = Int64(exactly: value.floor), count >= 0 else { throw .overflow(what) }
    return Shares(count)
  }

  /// Puts the settled round together: purchases, pro rata, pool and the pro forma table.
  func result(
    _ settled: Settlement, increase: Shares, target: PoolTargetCheck?, exact: ExactSolution
  ) throws(RoundError) -> RoundResult {
    let price = settled.price.rounded
    let state = settled.state

    var conversions: [SecurityConversion] = []
    for (index, converter) in converters.enumerated() {
      let term = state.binding[index]
      conversions.append(
        SecurityConversion(
          id: converter.id, holder: converter.holder, instrument: instruments[index],
          convertingAmount: converter.amount, terms: terms[index], capBasis: converter.capBasis,
          capitalization: state.capitalization(converter.capBasis),
          capPrice: state.capPrice(converter), discountPrice: state.discountPrice(converter),
          conversionPrice: state.conversionPrice(converter, term), binding: term,
          shares: settled.conversionShares[index]))
    }

    var bought: [Shares] = []
    for investor in input.investors {
      bought.append(try Self.whole(investor.amount / price, "shares of \(investor.name)"))
    }
    let proRata = try proRataAllocations(
      sold: bought.reduce(Shares.zero, +), price: price,
      conversionShares: settled.conversionShares.map(\.ratio))
    // Carved out of the round: the lead's shares first, then the next investor's.
    var carved = input.proRataOnTop ? .zero : proRata.reduce(Shares.zero) { $0 + $1.shares }
    let sold = bought.reduce(Shares.zero, +)
    guard carved <= sold else { throw .proRataExceedsRound(proRata: carved, round: sold) }
    var investors: [InvestorAllocation] = []
    for (investor, shares) in zip(input.investors, bought) {
      let given = min(carved, shares)
      carved -= given
      investors.append(
        InvestorAllocation(
          investor: investor.investor, amount: investor.amount - given.ratio * price,
          shares: shares - given, cost: (shares - given).ratio * price))
    }

    let issued = Ratio.sum(investors.map(\.shares.ratio) + proRata.map(\.shares.ratio))
    let postMoneyFullyDiluted = try Self.whole(
      settled.preMoneyFullyDiluted + issued, "post-money fully diluted shares")
    let preMoneyValuation: Ratio
    switch priceEquation {
    case .solve(let preMoney, _): preMoneyValuation = preMoney - convertingDollars
    case .known(let stated): preMoneyValuation = stated * settled.pricingShares
    }
    let pool = PoolOutcome(
      existing: input.capitalization.unissuedPool, increase: increase, target: target)
    let table = proForma(
      conversions: conversions, investors: investors, proRata: proRata, pool: pool,
      postMoneyFullyDiluted: postMoneyFullyDiluted)

    return RoundResult(
      closing: input.closing, price: settled.price, pool: pool, conversions: conversions,
      investors: investors, proRata: proRata, pricingBasis: input.pricingBasis,
      pricingShares: try Self.whole(settled.pricingShares, "pricing shares"),
      preMoneyFullyDiluted: try Self.whole(
        settled.preMoneyFullyDiluted, "pre-money fully diluted shares"),
      postMoneyFullyDiluted: postMoneyFullyDiluted, preMoneyValuation: preMoneyValuation,
      newMoney: Ratio.sum(investors.map(\.amount) + proRata.map(\.taken)), proForma: table,
      exactSolution: exact)
  }

  /// Each pro rata election's allocation: entitlement = floor(fraction × shares sold), bought
  /// at the round price (see `RoundPlan.fraction`).
  func proRataAllocations(sold: Shares, price: Ratio, conversionShares: [Ratio])
    throws(RoundError) -> [ProRataAllocation]
  {
    var allocations: [ProRataAllocation] = []
    for election in elections {
      let fraction = fraction(election, conversionShares: conversionShares)
      let entitled = try Self.whole(fraction * sold.ratio, "pro rata of \(election.holder)")
      let entitlement = entitled.ratio * price
      let shares: Shares
      let taken: Ratio
      switch election.take {
      case .full: (shares, taken) = (entitled, entitlement)
      case .declined: (shares, taken) = (.zero, .zero)
      case .amount(let amount):
        guard amount <= entitlement else {
          throw .proRataExceedsEntitlement(
            holder: election.holder.name, requested: amount, entitlement: entitlement)
        }
        shares = try Self.whole(amount / price, "pro rata shares of \(election.holder)")
        taken = shares.ratio * price
      }
      allocations.append(
        ProRataAllocation(
          holder: election.holder, fraction: fraction, entitlement: entitlement, taken: taken,
          shares: shares))
    }
    return allocations
  }

  /// The before/after table: pre-round holders in input order, then new holders, the pool
  /// last; a holder's lines join on its key (a stakeholder's id), never on its name.
  func proForma(
    conversions: [SecurityConversion], investors: [InvestorAllocation],
    proRata: [ProRataAllocation], pool: PoolOutcome, postMoneyFullyDiluted: Shares
  ) -> ProFormaTable {
    var lines: [ProFormaRow] = []
    lines.reserveCapacity(input.capitalization.holdings.count + conversions.count + 8)
    var rowOf: [RoundParticipant.Key: Int] = [:]
    rowOf.reserveCapacity(lines.capacity)
    func row(_ holder: RoundParticipant) -> Int {
      if let known = rowOf[holder.key] { return known }
      lines.append(
        ProFormaRow(
          name: holder.name, kind: .holder, holder: holder, before: .zero, conversion: .zero,
          newMoney: .zero, proRata: .zero, poolIncrease: .zero, fractionBefore: .zero,
          fractionAfter: .zero))
      rowOf[holder.key] = lines.count - 1
      return lines.count - 1
    }
    for holding in input.capitalization.holdings {
      let index = row(holding.holder)
      lines[index].before += holding.stock + holding.options
    }
    for conversion in conversions {
      let index = row(conversion.holder)
      lines[index].conversion += conversion.shares
    }
    for investor in investors {
      let index = row(investor.investor)
      lines[index].newMoney += investor.shares
    }
    for allocation in proRata {
      let index = row(allocation.holder)
      lines[index].proRata += allocation.shares
    }
    lines.append(
      ProFormaRow(
        name: "Unissued pool", kind: .pool, before: pool.existing, conversion: .zero,
        newMoney: .zero, proRata: .zero, poolIncrease: pool.increase, fractionBefore: .zero,
        fractionAfter: .zero))
    let totalBefore = base
    let totalAfter = postMoneyFullyDiluted.ratio
    for index in lines.indices {
      lines[index].fractionBefore = lines[index].before.ratio / totalBefore
      lines[index].fractionAfter = lines[index].after.ratio / totalAfter
    }
    return ProFormaTable(
      rows: lines, totalBefore: Shares(Int64(clamping: totalBefore.floor)),
      totalAfter: postMoneyFullyDiluted)
  }
}
