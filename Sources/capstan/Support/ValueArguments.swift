import ArgumentParser
import CapstanModel

// Command-line values parsed by the argument parser itself, with the same grammar as
// `AmountParser` (amounts accept 1,250,000, 2.5M, $3m, 750k; dates are YYYY-MM-DD). A value
// the grammar refuses is a usage error (exit status 2) naming the option. Money is not here:
// an amount takes the company's currency, so commands read it as a `Ratio`.

extension CalendarDate: ExpressibleByArgument {
  /// A `YYYY-MM-DD` date.
  public init?(argument: String) {
    guard let date = try? AmountParser.date(argument) else { return nil }
    self = date
  }
}

extension Ratio: ExpressibleByArgument {
  /// An amount (`1,250,000.50`, `2.5M`, `$750k`).
  public init?(argument: String) {
    guard let value = try? AmountParser.amount(argument) else { return nil }
    self = value
  }
}

extension Shares: ExpressibleByArgument {
  /// A whole number of shares (`1,000,000`, `2.5M`).
  public init?(argument: String) {
    guard let value = try? AmountParser.shares(argument) else { return nil }
    self = value
  }
}

/// The date a view is computed on: a day, or `latest` (the ledger's last dated entry).
enum AsOfDate: ExpressibleByArgument, Equatable {
  /// A calendar day.
  case day(CalendarDate)
  /// The last dated entry of the ledger (or of every ledger the view covers).
  case latest

  init?(argument: String) {
    if argument.lowercased() == "latest" {
      self = .latest
    } else if let date = CalendarDate(argument: argument) {
      self = .day(date)
    } else {
      return nil
    }
  }
}

/// The `--as-of` option every dated view takes.
struct AsOfOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "The date of the view: YYYY-MM-DD, or latest (the last dated entry); default: today.",
      valueName: "date"))
  var value: AsOfDate?

  /// The day the view is computed on, for one company.
  func date(_ ledger: Ledger) -> CalendarDate { Self.day(value, [ledger]) }

  /// The day the view is computed on, across companies (`latest` is the last of them all).
  func date(_ ledgers: [Ledger]) -> CalendarDate { Self.day(value, ledgers) }

  /// The day `value` means: today when nil; `latest` is the last dated entry of `ledgers`.
  static func day(_ value: AsOfDate?, _ ledgers: [Ledger]) -> CalendarDate {
    switch value {
    case .day(let date): date
    case .latest: ledgers.compactMap(\.latestDate).max() ?? Today.date
    case nil: Today.date
    }
  }
}
