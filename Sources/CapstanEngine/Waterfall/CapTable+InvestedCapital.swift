import CapstanModel

extension CapTable {
  /// What each holder has put in: the price paid for its stock, plus the purchase amount of
  /// each SAFE and the principal of each note still outstanding (the basis of a multiple on
  /// invested capital). Converted SAFEs and notes count through the stock they became.
  public var investedCapital: [Stakeholder.ID: Ratio] {
    var invested: [Stakeholder.ID: Ratio] = [:]
    for position in stock.values {
      invested[position.holder, default: .zero] += position.pricePerShare * position.quantity.ratio
    }
    for position in convertibles.values {
      invested[position.holder, default: .zero] += position.amount
    }
    return invested
  }
}
