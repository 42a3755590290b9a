import CapstanEngine
import CapstanModel

extension ExitReport {
  /// Payouts by class (and by outstanding convertible, and to options) at each exit value.
  public struct Sweep: Sendable {
    /// The column keys: `exit_value`, each class, each convertible, `options`.
    public var header: [String]
    /// One row per exit value: the exit value, then the payouts in `header`'s order.
    public var rows: [[Ratio]]

    /// The sweep of `waterfall` over `values`.
    public init(_ waterfall: Waterfall, values: [Ratio]) throws {
      let payouts = try waterfall.schedule.sweep(values)
      header =
        ["exit_value"] + waterfall.capitalization.classes.map(\.name)
        + waterfall.capitalization.convertibles.map(\.name) + ["options"]
      rows = zip(values, payouts).map { exit, payout in
        [exit] + payout.classes + payout.convertibles + [payout.options]
      }
    }

    /// A stacked chart of the payouts, as SVG.
    public func chart(company: String, currency: Currency) -> String {
      let series = header.dropFirst().enumerated().map { index, name in
        StackedAreaChart.Series(name: name, values: rows.map { $0[index + 1] })
      }
      return StackedAreaChart(
        title: "\(company): payouts by class", x: rows.map { $0[0] }, series: series,
        format: { Money($0, currency).formatted.replacingOccurrences(of: ".00", with: "") }
      ).svg()
    }

    /// The sweep as text, headed by the company and the date.
    public func text(company: String, asOf date: CalendarDate, currency: Currency) -> String {
      var table = TextTable(
        header.map { ($0 == "exit_value" ? "Exit value" : $0, TextTable.Alignment.right) })
      for row in rows { table.add(row.map { Money($0, currency).formatted }) }
      return "\(company): payouts by class, as of \(date)\n\n" + table.render()
    }

    /// The sweep as CSV (amounts to the cent).
    public func csv() -> String {
      CSV.render(header: header, rows: rows.map { $0.map { $0.decimalString(places: 2) } })
    }

    /// The rows as JSON objects keyed by `header`.
    public func jsonRows() -> [JSON] {
      rows.map { row in
        .object(zip(header, row).map { ($0, .string($1.decimalString(places: 2))) })
      }
    }
  }

  /// The exit values where the payout curves bend, and why.
  public struct Breakpoints: Sendable {
    /// The breakpoints, by exit value.
    public var points: [Breakpoint]

    /// The breakpoints of `waterfall`.
    public init(_ waterfall: Waterfall) { points = waterfall.schedule.breakpoints }

    static let header = ["exit_value", "common_per_share", "events"]

    var cells: [[String]] {
      points.map {
        [
          $0.exitValue.decimalString(places: 2), $0.commonPerShare.decimalString(places: 6),
          $0.events.map(ExitReport.describe).joined(separator: "; "),
        ]
      }
    }

    /// The breakpoints as text, headed by the company and the date.
    public func text(company: String, asOf date: CalendarDate, currency: Currency) -> String {
      var table = TextTable([
        ("Exit value", .right), ("Common per share", .right), ("What happens", .left),
      ])
      for point in points {
        table.add([
          Money(point.exitValue, currency).formatted,
          Price(point.commonPerShare, currency).formatted(places: 6),
          point.events.map(ExitReport.describe).joined(separator: "; "),
        ])
      }
      return "\(company): waterfall breakpoints, as of \(date)\n\n" + table.render()
    }

    /// The breakpoints as CSV.
    public func csv() -> String { CSV.render(header: Self.header, rows: cells) }

    /// The breakpoints as JSON objects.
    public func jsonRows() -> [JSON] {
      cells.map { row in .object(zip(Self.header, row).map { ($0, .string($1)) }) }
    }
  }
}
