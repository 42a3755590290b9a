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

  /// The sweep written `FROM:TO:STEP` (`0:200M:5M`), at most 100,000 values; errors name
  /// `field`.
  public static func sweep(parsing text: String, field: String) throws -> [Ratio] {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3 else {
      throw InputError.invalid(field: field, input: text, expected: "FROM:TO:STEP, e.g. 0:200M:5M")
    }
    guard
      let values = sweep(
        from: try AmountParser.amount(parts[0], field: "\(field) FROM"),
        to: try AmountParser.amount(parts[1], field: "\(field) TO"),
        step: try AmountParser.amount(parts[2], field: "\(field) STEP"))
    else {
      throw InputError.invalid(
        field: field, input: text, expected: "FROM ≤ TO and a positive STEP, at most 100,000 values"
      )
    }
    return values
  }
}

extension ExitDeductions.CarveOut {
  /// A carve-out written as an amount (`2M`) or a share of the proceeds (`5%`); errors name
  /// `field`.
  public init(parsing text: String, field: String) throws {
    self =
      text.hasSuffix("%")
      ? .fraction(try AmountParser.percentage(text, field: field))
      : .amount(try AmountParser.amount(text, field: field))
  }
}
