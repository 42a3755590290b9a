extension CapTable {
  /// Splits a class: every security, option grant, pool and the authorized shares are
  /// multiplied by the ratio, fractions of a share dropped per security (cash in lieu).
  ///
  /// A split of a common class multiplies the conversion ratio of every preferred class (the
  /// charter's adjustment for splits of common); a split of a preferred class divides its own,
  /// so its as-converted common shares stay the same.
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
    func scaled(_ shares: Shares) -> Shares {
      Shares(Int64(clamping: (shares.ratio * ratio).floor))
    }

    var outstanding = Shares.zero
    for (id, position) in stock where position.shareClass == split.shareClass {
      stock[id]?.quantity = scaled(position.quantity)
      stock[id]?.pricePerShare = position.pricePerShare / ratio
      outstanding += scaled(position.quantity)
    }
    classes[split.shareClass]?.outstanding = outstanding
    classes[split.shareClass]?.authorized = scaled(state.authorized)

    for (planID, plan) in plans where plan.definition.shareClass == split.shareClass {
      plans[planID]?.available = scaled(plan.available)
      plans[planID]?.exercised = scaled(plan.exercised)
      var optionsOutstanding = Shares.zero
      for (id, grant) in options where grant.plan == planID {
        let remaining = scaled(grant.outstanding)
        let exercised = scaled(grant.exercised)
        let cancelled = scaled(grant.cancelled)
        options[id]?.exercised = exercised
        options[id]?.cancelled = cancelled
        options[id]?.granted = exercised + cancelled + remaining
        options[id]?.strike = grant.strike / ratio
        optionsOutstanding += remaining
      }
      plans[planID]?.optionsOutstanding = optionsOutstanding
    }

    switch state.definition.kind {
    case .common:
      for (id, other) in classes where other.definition.kind == .preferred {
        classes[id]?.conversionRatio = other.conversionRatio * ratio
      }
    case .preferred:
      classes[split.shareClass]?.conversionRatio = state.conversionRatio / ratio
    }
  }
}
