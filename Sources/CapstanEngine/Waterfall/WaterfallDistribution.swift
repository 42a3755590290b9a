import BigInt
import CapstanModel

/// One exit distributed down to the holders: exact payouts and their cents.
public struct WaterfallDistribution: Sendable, Hashable {
  /// One holder's total payout.
  public struct HolderPayout: Sendable, Hashable {
    /// The stakeholder paid: holders are joined on this id.
    public var holder: Stakeholder.ID
    /// The holder's name, for display only.
    public var holderName: String
    /// The exact payout: shares, options net of strike and convertibles together.
    public var payout: Ratio
    /// The payout rounded half-up to whole cents (DESIGN.md: money is exact and shown rounded
    /// half-up to cents), each holder on its own, so the figure shown is the nearest cent to
    /// what the holder is owed; the holders' cents may then differ from the proceeds by up to
    /// half a cent per holder (`roundingDifference`). A `BigInt`, as cents can pass `Int64`
    /// inside the money limit.
    public var cents: BigInt
  }

  /// One option or warrant holding at the exit.
  public struct OptionPayout: Sendable, Hashable {
    /// The stakeholder holding the options.
    public var holder: Stakeholder.ID
    /// The holder's name, for display only.
    public var holderName: String
    /// Option or warrant.
    public var kind: OptionHolding.Kind
    /// Options taking part (per the treatment).
    public var count: Shares
    /// The strike.
    public var strike: Ratio
    /// Whether they are exercised: strike strictly below the common payout per share.
    public var exercised: Bool
    /// The strikes paid in on exercise (they join the proceeds).
    public var exercisePrice: Ratio
    /// What the holder keeps: count × (common payout per share − strike), or zero.
    public var payout: Ratio
  }

  /// The exit and its deductions.
  public var exit: ExitProceeds
  /// The class-level payouts.
  public var classes: ClassPayouts
  /// Each option or warrant holding, in the capitalization's order.
  public var options: [OptionPayout]
  /// Each holder, in order of first appearance (classes, then options, then convertibles).
  public var holders: [HolderPayout]

  /// What the holders share.
  public var distributable: Ratio { exit.distributable }
  /// What one common share receives.
  public var commonPerShare: Ratio { classes.commonPerShare }
  /// The strikes paid by exercised options and warrants.
  ///
  /// The holders receive `distributable + exerciseProceeds` gross; each exercising holder pays
  /// its strikes back, so the net payouts add up to `distributable`.
  public var exerciseProceeds: Ratio { Ratio.sum(options.map(\.exercisePrice)) }

  /// The holders' rounded cents less the distributable proceeds rounded half-up to cents: zero
  /// unless rounding each payout on its own does not add up (a few cents at most, half a cent
  /// per holder), which the CLI states under the table.
  public var roundingDifference: BigInt {
    holders.reduce(BigInt(0)) { $0 + $1.cents } - Self.cents(distributable)
  }

  /// An amount rounded half-up to whole cents.
  public static func cents(_ amount: Ratio) -> BigInt {
    (amount * Ratio(100)).rounded(places: 0, .halfUp).floor
  }

  /// The payout of stakeholder `holder`, or nil if it holds nothing.
  public func payout(of holder: Stakeholder.ID) -> HolderPayout? {
    holders.first { $0.holder == holder }
  }

  init(_ waterfall: Waterfall, exit: ExitProceeds, allocation: Allocation) {
    self.exit = exit
    self.classes = ClassPayouts(waterfall, exit: exit, allocation: allocation)
    let c = allocation.commonPerShare
    var order: [(holder: Stakeholder.ID, name: String)] = []
    var payouts: [Stakeholder.ID: Ratio] = [:]
    func credit(_ holder: Stakeholder.ID, _ name: String, _ amount: Ratio) {
      if let current = payouts[holder] {
        payouts[holder] = current + amount
      } else {
        order.append((holder, name))
        payouts[holder] = amount
      }
    }
    let cap = waterfall.capitalization
    for (index, shareClass) in cap.classes.enumerated() {
      for (holder, name, shares) in shareClass.sharesByHolder {
        credit(
          holder, name,
          waterfall.holderShare(ofClass: index, shares: shares, allocation: allocation))
      }
    }
    var options: [OptionPayout] = []
    for holding in cap.options {
      let count = waterfall.optionTreatment.count(of: holding)
      let exercised = count > .zero && holding.strike < c
      let payout = exercised ? count.ratio * (c - holding.strike) : .zero
      options.append(
        OptionPayout(
          holder: holding.holder, holderName: holding.holderName, kind: holding.kind, count: count,
          strike: holding.strike,
          exercised: exercised, exercisePrice: exercised ? count.ratio * holding.strike : .zero,
          payout: payout))
      credit(holding.holder, holding.holderName, payout)
    }
    self.options = options
    let first = waterfall.claims.count - cap.convertibles.count
    for (offset, convertible) in cap.convertibles.enumerated() {
      credit(convertible.holder, convertible.holderName, allocation.claims[first + offset])
    }
    holders = order.map { holder, name in
      let amount = payouts[holder] ?? .zero
      return HolderPayout(
        holder: holder, holderName: name, payout: amount, cents: Self.cents(amount))
    }
  }
}
