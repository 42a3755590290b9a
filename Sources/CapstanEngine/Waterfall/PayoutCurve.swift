import CapstanModel

/// One payout as a piecewise-linear function of the exit value, exact at every point.
public struct PayoutCurve: Sendable, Hashable {
  /// A corner of the curve.
  public struct Point: Sendable, Hashable {
    /// The exit value.
    public var exitValue: Ratio
    /// The payout there.
    public var payout: Ratio
  }

  /// The corners, by ascending exit value, starting at exit value zero.
  public let points: [Point]
  /// The payout's growth per unit of exit value beyond the last point.
  public let finalSlope: Ratio

  init(points: [Point], finalSlope: Ratio) {
    self.points = points
    self.finalSlope = finalSlope
  }

  /// The payout at `exitValue` (≥ 0), interpolated exactly between the corners.
  public func payout(at exitValue: Ratio) -> Ratio {
    guard let last = points.last else { return .zero }
    if exitValue >= last.exitValue {
      return last.payout + finalSlope * (exitValue - last.exitValue)
    }
    // The last point at or below exitValue.
    var low = 0
    var high = points.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if points[mid].exitValue <= exitValue { low = mid } else { high = mid - 1 }
    }
    let left = points[low]
    let right = points[low + 1]
    let run = right.exitValue - left.exitValue
    return left.payout + (right.payout - left.payout) * (exitValue - left.exitValue) / run
  }

  /// The exit values where the curve changes slope (its own breakpoints).
  public var corners: [Ratio] {
    guard points.count > 2 else { return [] }
    var result: [Ratio] = []
    for index in 1..<(points.count - 1) {
      let before = slope(from: index - 1)
      let after = slope(from: index)
      if before != after { result.append(points[index].exitValue) }
    }
    if let last = points.last, points.count >= 2, slope(from: points.count - 2) != finalSlope {
      result.append(last.exitValue)
    }
    return result
  }

  private func slope(from index: Int) -> Ratio {
    (points[index + 1].payout - points[index].payout)
      / (points[index + 1].exitValue - points[index].exitValue)
  }
}
