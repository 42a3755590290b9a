extension CapTable {
  /// Splits a class: every security, option grant, warrant, pool and the authorized shares are
  /// multiplied by the ratio, fractions of a share dropped per security (cash in lieu).
  ///
  /// A split multiplies the conversion ratio of the classes that convert into the split class
  /// (by default every preferred class into a common one: the charter's adjustment for splits of
  /// common); a split of a class that converts divides its own, so its as-converted shares stay
  /// the same.
  mutating func split(_ split: StockSplit) throws(LedgerError) {
    let state = try requireClass(split.shareClass)
    guard split.ratio > .zero else { throw .invalidSplit(className: state.definition.name) }
    let ratio = split.ratio
    // Every count after the split is at most the authorized shares after it; checked first so
    // a refused split changes nothing.
    guard Int64(exactly: (state.authorized.ratio * ratio).floor) != nil else {
      throw .value(
        .overflow(
          "\(state.authorized) authorized \(state.definition.name) split \(ratio.fractionString)"))
    }
    // n/d in Int128: the guard above bounds every product, so nothing here can overflow.
    let n = Int128(ratio.numerator.description) ?? 1
    let d = Int128(ratio.denominator.description) ?? 1
    func scaled(_ shares: Shares) -> Shares {
      // 64-bit when the product fits (a 128-bit division is a library call).
      if let n = Int64(exactly: n), let d = Int64(exactly: d) {
        let (product, overflow) = shares.count.multipliedReportingOverflow(by: n)
        if !overflow { return Shares(product / d) }
      }
      return Shares(Int64(Int128(shares.count) * n / d))
    }
    // Consecutive positions often share a price (one round, one grant date): divide it once.
    var lastPrice = (before: Ratio.zero, after: Ratio.zero)
    func divided(_ price: Ratio) -> Ratio {
      if price != lastPrice.before { lastPrice = (price, price / ratio) }
      return lastPrice.after
    }

    // Values are changed in place by index: iterating a dictionary while assigning through
    // its subscript would copy the whole dictionary on every pass.
    var outstanding = Shares.zero
    stock.updateEach { position in
      guard position.shareClass == split.shareClass else { return }
      position.quantity = scaled(position.quantity)
      position.pricePerShare = divided(position.pricePerShare)
      outstanding += position.quantity
      if position.factsReference != nil { position.vestingFacts.scaleAccelerations(by: scaled) }
    }
    classes.update(split.shareClass) {
      $0.outstanding = outstanding
      $0.authorized = scaled(state.authorized)
    }

    let splitPlans = Set(
      plans.values.filter { $0.shareClass == split.shareClass }.map(\.definition.id))
    var optionsOutstanding: [StockPlan.ID: Shares] = [:]
    options.updateEach { grant in
      guard splitPlans.contains(grant.plan) else { return }
      let remaining = scaled(grant.outstanding)
      grant.exercised = scaled(grant.exercised)
      grant.cancelled = scaled(grant.cancelled)
      grant.granted = grant.exercised + grant.cancelled + remaining
      grant.strike = divided(grant.strike)
      if grant.factsReference != nil { grant.vestingFacts.scaleAccelerations(by: scaled) }
      optionsOutstanding[grant.plan, default: .zero] += remaining
    }
    // Warrants on the class buy the split number of shares at the split price.
    warrants.updateEach { warrant in
      guard warrant.issuance.shareClass == split.shareClass else { return }
      warrant.outstanding = scaled(warrant.outstanding)
      warrant.strike = divided(warrant.strike)
    }
    plans.updateEach { plan in
      guard splitPlans.contains(plan.definition.id) else { return }
      plan.available = scaled(plan.available)
      plan.exercised = scaled(plan.exercised)
      plan.optionsOutstanding = optionsOutstanding[plan.definition.id] ?? .zero
    }

    // NVCA model charter 4.7: a split of the stock a class converts into multiplies its
    // conversion ratio (divides its conversion price); classes that do not convert into the
    // split class are untouched. A split of a class that converts divides its own ratio, so
    // its as-converted shares stay the same.
    classes.updateEach { other in
      guard other.definition.converts(into: state.definition) else { return }
      other.conversionRatio *= ratio
      other.conversionPrice = other.conversionPrice.map { $0 / ratio }
    }
    if state.definition.hasConversionRight {
      classes.update(split.shareClass) {
        $0.conversionRatio = state.conversionRatio / ratio
        $0.conversionPrice = state.conversionPrice.map { $0 * ratio }
      }
    }
  }
}
