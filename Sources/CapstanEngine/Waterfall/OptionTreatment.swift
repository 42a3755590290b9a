import CapstanModel

/// How options and warrants take part in a liquidation.
public enum OptionTreatment: Sendable, Hashable {
  /// Those whose strike is below the common payout per share are exercised and their strikes
  /// join the proceeds (as Carta and Pulley model it); the rest lapse.
  case exercisedWhenInTheMoney
  /// Options and warrants are left out.
  case exclude
  /// Like `exercisedWhenInTheMoney`, counting only those vested on the date.
  case vested(asOf: CalendarDate)

  /// The number of `holding`'s options that take part.
  func count(of holding: OptionHolding) -> Shares {
    switch self {
    case .exercisedWhenInTheMoney: holding.outstanding
    case .exclude: .zero
    case .vested(let date): holding.vested(asOf: date)
    }
  }
}
