import CapstanModel

/// What each class, convertible and the options together receive at one exit, before the
/// payouts are divided among holders.
public struct ClassPayouts: Sendable, Hashable {
  /// The exit.
  public var exit: ExitProceeds
  /// What one common share receives.
  public var commonPerShare: Ratio
  /// Each class's payout, in the capitalization's order.
  public var classes: [Ratio]
  /// Each convertible's payout, in the capitalization's order.
  public var convertibles: [Ratio]
  /// What the options and warrants receive net of their strikes.
  public var options: Ratio
  /// The names of the classes and convertibles that convert to common.
  public var converted: [String]

  init(
    exit: ExitProceeds, commonPerShare: Ratio, classes: [Ratio], convertibles: [Ratio],
    options: Ratio, converted: [String]
  ) {
    self.exit = exit
    self.commonPerShare = commonPerShare
    self.classes = classes
    self.convertibles = convertibles
    self.options = options
    self.converted = converted
  }

  init(_ waterfall: Waterfall, exit: ExitProceeds, allocation: Allocation) {
    self.exit = exit
    let c = allocation.commonPerShare
    commonPerShare = c
    classes = waterfall.claimOfClass.indices.map { index in
      guard let claim = waterfall.claimOfClass[index] else {
        return waterfall.classShares[index] * c
      }
      return allocation.claims[claim]
    }
    let first = waterfall.claims.count - waterfall.capitalization.convertibles.count
    convertibles = Array(allocation.claims[first...])
    options = waterfall.optionsPayout(commonPerShare: c)
    converted = waterfall.claims.indices.filter { allocation.converted[$0] }.map {
      waterfall.claims[$0].name
    }
  }

  /// The sum of every payout: the distributable proceeds.
  public var total: Ratio { Ratio.sum(classes) + Ratio.sum(convertibles) + options }
}
