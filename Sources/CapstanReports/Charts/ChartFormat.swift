import CapstanModel

/// How a chart writes the numbers on its axes: money, a percentage, or a plain count.
public enum ChartFormat: Sendable, Hashable {
  /// Money in a currency, compact (`$1.5M`, `$250k`, `$12.5`).
  case money(Currency)
  /// A fraction written as a percentage (`12.5%`).
  case percent
  /// A plain number, compact (`1.5M`, `250k`).
  case number

  /// The label of `value`.
  public func label(_ value: Ratio) -> String {
    switch self {
    case .money(let currency):
      let sign = value.isNegative ? "-" : ""
      return sign + currency.symbol + ChartFormat.compact(value.magnitude)
    case .percent:
      return (value * Ratio(100)).decimalString(places: 1, minimumPlaces: 0) + "%"
    case .number:
      return (value.isNegative ? "-" : "") + ChartFormat.compact(value.magnitude)
    }
  }

  /// `1,500,000` as `1.5M`, `250,000` as `250k`, `12.5` as `12.5`.
  static func compact(_ value: Ratio) -> String {
    let billion = Ratio(1_000_000_000)
    let million = Ratio(1_000_000)
    let thousand = Ratio(1_000)
    if value >= billion {
      return (value / billion).decimalString(places: 2, minimumPlaces: 0) + "B"
    }
    if value >= million {
      return (value / million).decimalString(places: 2, minimumPlaces: 0) + "M"
    }
    if value >= thousand {
      return (value / thousand).decimalString(places: 1, minimumPlaces: 0) + "k"
    }
    return value.decimalString(places: 2, minimumPlaces: 0)
  }
}
