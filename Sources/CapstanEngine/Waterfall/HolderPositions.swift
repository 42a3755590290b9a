import CapstanModel

/// What one holder holds, gathered from the capitalization so its payout can be read from a
/// class-level allocation.
struct HolderPositions: Sendable {
  /// (class index, shares held) for each class the holder holds.
  var classes: [(index: Int, shares: Ratio)] = []
  /// (count taking part, strike) for each option or warrant holding.
  var options: [(count: Ratio, strike: Ratio)] = []
  /// Claim indices of the holder's convertibles.
  var convertibles: [Int] = []
  let waterfall: Waterfall

  init(_ waterfall: Waterfall, holder: Stakeholder.ID) {
    self.waterfall = waterfall
    let cap = waterfall.capitalization
    for (index, shareClass) in cap.classes.enumerated() {
      let shares = shareClass.holdings.reduce(Ratio.zero) {
        $1.holder == holder ? $0 + $1.shares.ratio : $0
      }
      if shareClass.holdings.contains(where: { $0.holder == holder }) {
        classes.append((index, shares))
      }
    }
    for holding in cap.options where holding.holder == holder {
      options.append((waterfall.optionTreatment.count(of: holding).ratio, holding.strike))
    }
    let firstConvertible = waterfall.claims.count - cap.convertibles.count
    for (offset, convertible) in cap.convertibles.enumerated() where convertible.holder == holder {
      convertibles.append(firstConvertible + offset)
    }
  }

  var isEmpty: Bool { classes.isEmpty && options.isEmpty && convertibles.isEmpty }

  /// The holder's payout under `allocation`.
  func payout(_ allocation: Allocation) -> Ratio {
    let c = allocation.commonPerShare
    var total = Ratio.zero
    for position in classes {
      total += waterfall.holderShare(
        ofClass: position.index, shares: position.shares, allocation: allocation)
    }
    for option in options where option.strike < c {
      total += option.count * (c - option.strike)
    }
    for claim in convertibles { total += allocation.claims[claim] }
    return total
  }
}

extension Waterfall {
  /// What the `shares` a holder holds of class `index` receive: common at c per share; a
  /// preferred class's payout pro rata to the holders' shares as converted, counted per holder
  /// by `CompanyCapitalization.asConverted` (pro rata to shares held when the ratio leaves no
  /// fraction, or when nothing converts into a whole share).
  ///
  /// One split for preference and conversion alike keeps each holder's payout continuous
  /// where its class converts.
  func holderShare(ofClass index: Int, shares: Ratio, allocation: Allocation) -> Ratio {
    guard let claimIndex = claimOfClass[index] else { return shares * allocation.commonPerShare }
    let paid = allocation.claims[claimIndex]
    let asConverted = claims[claimIndex].asConverted
    if !asConverted.isZero {
      let ratio = capitalization.classes[index].terms?.conversionRatio ?? .one
      return paid * CompanyCapitalization.asConverted(shares, ratio: ratio) / asConverted
    }
    let total = classShares[index]
    return total.isZero ? .zero : paid * shares / total
  }
}
