import CapstanModel

/// One value of a report table, typed so each output writes it its own way: text rounds and
/// groups for people, JSON and CSV keep decimal strings with fixed places for machines.
public enum ReportCell: Sendable, Hashable {
  /// Free text.
  case text(String)
  /// Money, shown to cents; JSON/CSV: a decimal string with 2 places.
  case money(Ratio)
  /// A price per share, shown to 4 decimals; JSON/CSV: a decimal string with 6 places.
  case price(Ratio)
  /// A fraction shown as a percentage with 2 decimals; JSON/CSV: the percentage, 4 places.
  case percent(Ratio)
  /// A whole number of shares; JSON: an integer.
  case shares(Shares)
  /// A quantity that may be fractional (tokens, GPU-hours), 2 decimals; JSON/CSV: 4 places.
  case quantity(Ratio)
  /// A multiple (MOIC), shown `1.50x`; JSON/CSV: a decimal string with 4 places.
  case multiple(Ratio)
  /// A whole count; JSON: an integer.
  case count(Int)
  /// A date (ISO 8601).
  case date(CalendarDate)
  /// Yes or no.
  case flag(Bool)
  /// Nothing to show (JSON: null).
  case none

  /// The cell for people.
  public func text(_ currency: Currency) -> String {
    switch self {
    case .text(let value): value
    case .money(let value): Money(value, currency).formatted
    case .price(let value): Price(value, currency).formatted(places: 4)
    case .percent(let value): value.percentString(places: 2)
    case .shares(let value): value.formatted
    case .quantity(let value): value.decimalString(places: 2, grouping: true)
    case .multiple(let value): value.decimalString(places: 2) + "x"
    case .count(let value): String(value)
    case .date(let value): value.iso
    case .flag(let value): value ? "yes" : "no"
    case .none: "-"
    }
  }

  /// The cell for JSON and CSV: a decimal string, an integer, a boolean, or nothing.
  public var machine: MachineValue {
    switch self {
    case .text(let value): .string(value)
    case .money(let value): .string(value.decimalString(places: 2))
    case .price(let value): .string(value.decimalString(places: 6))
    case .percent(let value): .string((value * Ratio(100)).decimalString(places: 4))
    case .shares(let value): .integer(value.count)
    case .quantity(let value): .string(value.decimalString(places: 4))
    case .multiple(let value): .string(value.decimalString(places: 4))
    case .count(let value): .integer(Int64(value))
    case .date(let value): .string(value.iso)
    case .flag(let value): .boolean(value)
    case .none: .null
    }
  }

  /// Whether the cell is a number (right-aligned in text and HTML).
  var isNumeric: Bool {
    switch self {
    case .text, .date, .flag, .none: false
    default: true
    }
  }
}

/// A scalar as JSON and CSV write it.
public enum MachineValue: Sendable, Hashable {
  /// A string (money and fractions are decimal strings).
  case string(String)
  /// An integer.
  case integer(Int64)
  /// A boolean.
  case boolean(Bool)
  /// Null (CSV: empty).
  case null

  /// The CSV field text.
  var csv: String {
    switch self {
    case .string(let value): value
    case .integer(let value): String(value)
    case .boolean(let value): value ? "true" : "false"
    case .null: ""
    }
  }
}
