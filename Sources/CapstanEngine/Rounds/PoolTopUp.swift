import CapstanModel

/// The option pool increase made in the round.
///
/// The increase is counted in the pre-money fully diluted shares (the "option pool shuffle"):
/// it dilutes the holders before the round, not the new investors.
public enum PoolTopUp: Sendable, Hashable, Codable {
  /// No increase.
  case none
  /// A stated number of new pool shares.
  case increase(Shares)
  /// The smallest increase that makes the unissued pool at least this fraction of post-money
  /// fully diluted shares (0.12 for 12 %), solved together with the price.
  case targetPostMoney(Ratio)
}

/// The pool before and after the round.
public struct PoolOutcome: Sendable, Hashable {
  /// The unissued pool before the round.
  public var existing: Shares
  /// The new pool shares.
  public var increase: Shares
  /// The check of a target, when one was given.
  public var target: PoolTargetCheck?

  /// The unissued pool after the round.
  public var unissuedAfter: Shares { existing + increase }
}

/// How a pool target was met: in the exact (unrounded) solution of the round.
///
/// The increase is the smallest whole number of shares for which the exact solution (exact
/// price, fractional conversion and new-money shares) gives an unissued pool of at least the
/// target; with one share fewer it falls short. The final table then rounds the price and floors
/// every count, which can leave the pool a few shares under the target there (see
/// docs/round-modelling.md).
public struct PoolTargetCheck: Sendable, Hashable {
  /// The target fraction of post-money fully diluted shares.
  public var target: Ratio
  /// The pool's fraction in the exact solution with the chosen increase (≥ target).
  public var exactFraction: Ratio
  /// The pool's fraction in the exact solution with one share fewer (< target), when the
  /// increase is not zero.
  public var exactFractionWithOneFewer: Ratio?
  /// The fractional increase that meets the target exactly, interpolated between the two
  /// whole candidates (exact while the binding terms do not change between them).
  public var continuousMinimum: Ratio?
}

extension RoundPlan {
  /// The pool increase the input asks for, and the target check when there is a target.
  func poolIncrease(_ pool: PoolTopUp) throws(RoundError) -> (Shares, PoolTargetCheck?) {
    switch pool {
    case .none:
      return (.zero, nil)
    case .increase(let shares):
      guard shares >= .zero else { throw .negativePoolIncrease(shares) }
      guard shares <= Shares.maximumInput else { throw .overflow("pool increase \(shares)") }
      return (shares, nil)
    case .targetPostMoney(let target):
      guard !target.isNegative, target < .one else { throw .poolTargetOutOfRange(target) }
      return try smallestIncrease(reaching: target)
    }
  }

  /// The smallest whole increase whose exact solution meets `target`, by doubling then
  /// bisection on whole shares (the pool's fraction grows with the increase).
  func smallestIncrease(reaching target: Ratio) throws(RoundError) -> (Shares, PoolTargetCheck) {
    func postMoney(_ increase: Int64) throws(RoundError) -> ExactSolution {
      try exactSolution(poolIncrease: Ratio(increase))
    }
    let atZero = try postMoney(0)
    if atZero.unissuedPoolFraction >= target {
      return (.zero, PoolTargetCheck(target: target, exactFraction: atZero.unissuedPoolFraction))
    }
    var low: Int64 = 0
    var high: Int64 = 1
    var highSolution = try postMoney(high)
    while highSolution.unissuedPoolFraction < target {
      guard high < Shares.maximumInput.count else { throw .poolTargetUnreachable(target: target) }
      low = high
      high *= 2
      highSolution = try postMoney(high)
    }
    var lowSolution = try postMoney(low)
    while high - low > 1 {
      let middle = low + (high - low) / 2
      let solution = try postMoney(middle)
      if solution.unissuedPoolFraction >= target {
        high = middle
        highSolution = solution
      } else {
        low = middle
        lowSolution = solution
      }
    }
    // Between the two candidates D(x) = D0 + (x − low) × (D1 − D0) when nothing changes
    // regime; u + x = t × D(x) gives x = (t × D0 − t × Δ × low − u) ÷ (1 − t × Δ).
    let d0 = lowSolution.postMoneyFullyDiluted
    let delta = highSolution.postMoneyFullyDiluted - d0
    let denominator = Ratio.one - target * delta
    let continuous: Ratio? =
      denominator > .zero
      ? (target * d0 - target * delta * Ratio(low) - unissuedPool) / denominator : nil
    return (
      Shares(high),
      PoolTargetCheck(
        target: target, exactFraction: highSolution.unissuedPoolFraction,
        exactFractionWithOneFewer: lowSolution.unissuedPoolFraction,
        continuousMinimum: continuous)
    )
  }
}

extension PoolTargetCheck {
  init(target: Ratio, exactFraction: Ratio) {
    self.init(
      target: target, exactFraction: exactFraction, exactFractionWithOneFewer: nil,
      continuousMinimum: nil)
  }
}
