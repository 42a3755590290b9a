import CapstanModel

/// The exit values of a sweep.
public enum ExitValues {
  /// `from`, `from + step`, ... up to `to`; nil when `step` is not positive, `from` is above
  /// `to`, or there would be more than `limit` steps.
  public static func sweep(from: Ratio, to: Ratio, step: Ratio, limit: Int = 100_000)
    -> [Ratio]?
  {
    guard step > .zero, from <= to, (to - from) / step <= Ratio(limit) else { return nil }
    var values: [Ratio] = []
    var current = from
    while current <= to {
      values.append(current)
      current += step
    }
    return values
  }
}
