import CapstanModel

/// The option pool increase made in the round: the saved terms' type (one vocabulary,
/// declared in Model).
public typealias PoolTopUp = RoundTerms.Pool

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
  /// The pool increase the input asks for, the target check when there is a target, and then
  /// the exact solution at the increase.
  func poolIncrease(_ pool: PoolTopUp, solver: inout ConversionSolver) throws(RoundError)
    -> (Shares, PoolTargetCheck?, ExactSolution?)
  {
    switch pool {
    case .none:
      return (.zero, nil, nil)
    case .increase(let shares):
      guard shares >= .zero else { throw .negativePoolIncrease(shares) }
      guard shares <= Shares.maximumInput else { throw .overflow("pool increase \(shares)") }
      return (shares, nil, nil)
    case .target(let target):
      guard !target.isNegative, target < .one else { throw .poolTargetOutOfRange(target) }
      let (increase, check, solution) = try smallestIncrease(reaching: target, solver: &solver)
      return (increase, check, solution)
    }
  }

  /// The smallest whole increase whose exact solution meets `target` (the pool's fraction grows
  /// with the increase), with the target check and the exact solution at the increase.
  ///
  /// While the binding terms stay the same and no holder elects pro rata, post-money fully
  /// diluted shares are affine in the increase P: D(P) = D0 + P × Δ, so u + P ≥ t × D(P) is met
  /// from P = (t × D0 − u) ÷ (1 − t × Δ) on. The line is read off two exact solutions, the
  /// candidate is the ceiling of where it meets the target, and the candidate is accepted when
  /// its exact solution meets the target and the one a share fewer does not. Otherwise (terms
  /// change in between, pro rata makes D curve) the candidate and its predecessor give the next
  /// line, as in the secant method; after a few misses the search falls back to doubling and
  /// bisection (`bisectIncrease`), which gives the same answer, only with more solves.
  func smallestIncrease(reaching target: Ratio, solver: inout ConversionSolver)
    throws(RoundError) -> (Shares, PoolTargetCheck, ExactSolution)
  {
    let atZero = try exactSolution(poolIncrease: .zero, solver: &solver)
    if atZero.unissuedPoolFraction >= target {
      return (
        .zero, PoolTargetCheck(target: target, exactFraction: atZero.unissuedPoolFraction),
        atZero
      )
    }
    var low: (increase: Int64, solution: ExactSolution) = (0, atZero)
    var high = (
      increase: Int64(1), solution: try exactSolution(poolIncrease: .one, solver: &solver)
    )
    for _ in 0..<6 {
      guard let crossing = crossing(target, low, high),
        let whole = Int64(exactly: crossing.ceiling), whole <= Shares.maximumInput.count
      else { break }
      let candidate = max(whole, 1)
      let above =
        candidate == high.increase
        ? high.solution : try exactSolution(poolIncrease: Ratio(candidate), solver: &solver)
      let below =
        candidate - 1 == low.increase
        ? low.solution : try exactSolution(poolIncrease: Ratio(candidate - 1), solver: &solver)
      low = (candidate - 1, below)
      high = (candidate, above)
      if above.unissuedPoolFraction >= target && below.unissuedPoolFraction < target {
        return check(target, low, high)
      }
    }
    return try bisectIncrease(reaching: target, from: atZero, solver: &solver)
  }

  /// Where the line through two exact solutions' post-money fully diluted shares meets the
  /// target: x with u + x = t × (D0 + (x − low) × Δ), Δ the slope; nil when the line never
  /// rises to it.
  func crossing(
    _ target: Ratio, _ low: (increase: Int64, solution: ExactSolution),
    _ high: (increase: Int64, solution: ExactSolution)
  ) -> Ratio? {
    let d0 = low.solution.postMoneyFullyDiluted
    let delta =
      (high.solution.postMoneyFullyDiluted - d0) / Ratio(high.increase - low.increase)
    let denominator = Ratio.one - target * delta
    guard denominator > .zero else { return nil }
    return (target * d0 - target * delta * Ratio(low.increase) - unissuedPool) / denominator
  }

  /// The result for the increase `high`, `low` being one share fewer.
  func check(
    _ target: Ratio, _ low: (increase: Int64, solution: ExactSolution),
    _ high: (increase: Int64, solution: ExactSolution)
  ) -> (Shares, PoolTargetCheck, ExactSolution) {
    (
      Shares(high.increase),
      PoolTargetCheck(
        target: target, exactFraction: high.solution.unissuedPoolFraction,
        exactFractionWithOneFewer: low.solution.unissuedPoolFraction,
        continuousMinimum: crossing(target, low, high)),
      high.solution
    )
  }

  /// The smallest whole increase whose exact solution meets `target`, by doubling then
  /// bisection on whole shares; `atZero` (the solution with no increase) falls short.
  func bisectIncrease(
    reaching target: Ratio, from atZero: ExactSolution, solver: inout ConversionSolver
  ) throws(RoundError) -> (Shares, PoolTargetCheck, ExactSolution) {
    func solution(_ increase: Int64) throws(RoundError) -> ExactSolution {
      try exactSolution(poolIncrease: Ratio(increase), solver: &solver)
    }
    var low: Int64 = 0
    var high: Int64 = 1
    var highSolution = try solution(high)
    while highSolution.unissuedPoolFraction < target {
      guard high < Shares.maximumInput.count else { throw .poolTargetUnreachable(target: target) }
      low = high
      high *= 2
      highSolution = try solution(high)
    }
    var lowSolution = low == 0 ? atZero : try solution(low)
    while high - low > 1 {
      let middle = low + (high - low) / 2
      let probe = try solution(middle)
      if probe.unissuedPoolFraction >= target {
        high = middle
        highSolution = probe
      } else {
        low = middle
        lowSolution = probe
      }
    }
    return check(target, (low, lowSolution), (high, highSolution))
  }
}

extension PoolTargetCheck {
  init(target: Ratio, exactFraction: Ratio) {
    self.init(
      target: target, exactFraction: exactFraction, exactFractionWithOneFewer: nil,
      continuousMinimum: nil)
  }
}
