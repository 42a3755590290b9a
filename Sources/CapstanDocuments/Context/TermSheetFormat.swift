import CapstanModel

/// How numbers appear on a term sheet: the one place they are turned into text.
///
/// Money rounded half-up to cents with its currency (`$3,000,000.00`), shares with thousands
/// separators (`1,730,802`), the round price as the policy rounded it (`$1.7333`), conversion
/// prices to 6 decimals (they are exact and unrounded), percentages to 2 decimals (`12.50%`),
/// multiples as `1x` or `1.5x`, dates as ISO `YYYY-MM-DD`.
public struct TermSheetFormat: Sendable, Hashable {
  /// The deal's currency.
  public var currency: Currency

  /// Formats in `currency`.
  public init(currency: Currency) {
    self.currency = currency
  }

  /// `$3,000,000.00`.
  public func money(_ value: Ratio) -> String { Money(value, currency).formatted }

  /// `1,730,802`.
  public func shares(_ value: Shares) -> String { value.formatted }

  /// A count of units (tokens) with separators; fractions to up to 6 decimals.
  public func count(_ value: Ratio) -> String {
    value.decimalString(places: 6, minimumPlaces: 0, grouping: true)
  }

  /// The round price per share as paid: `$1.7333` (at least 2, up to 4 decimals).
  public func price(_ value: Ratio) -> String { Price(value, currency).formatted(places: 4) }

  /// An exact conversion or token price: at least 2, up to 6 decimals.
  public func exactPrice(_ value: Ratio) -> String { Price(value, currency).formatted(places: 6) }

  /// `12.50%`.
  public func percent(_ value: Ratio) -> String { value.percentString(places: 2) }

  /// `1x`, `1.5x`.
  public func multiple(_ value: Ratio) -> String {
    value.decimalString(places: 4, minimumPlaces: 0) + "x"
  }

  /// `2026-06-01`.
  public func date(_ value: CalendarDate) -> String { value.iso }
}
