import CapstanEngine
import CapstanModel

/// A token issuer's view across the workspace as people and programs read it.
public enum IssuerExposureReport {
  static let header = [
    "company", "grants", "locked", "available", "units", "peg_value", "market_value",
    "issuer_shares", "issuer_fully_diluted",
  ]

  static func cells(_ row: IssuerExposure) -> [String] {
    [
      row.company, String(row.grants), String(row.locked.count), String(row.available.count),
      row.units.decimalString(places: 2, minimumPlaces: 0),
      row.pegValue.map { $0.decimalString(places: 2) } ?? "",
      row.marketValue.map { $0.decimalString(places: 2) } ?? "", String(row.shares.count),
      row.fullyDiluted.percentString(places: 4),
    ]
  }

  /// The exposures as `format`; `issuer` is the issuer's name, `laterEntries` the JSON of the
  /// entries dated after `date`.
  public static func render(
    _ exposures: IssuerExposures, issuer: String, asOf date: CalendarDate, format: ViewFormat,
    laterEntries: JSON = .null
  ) -> String {
    let token = exposures.token
    let data = exposures.rows.map { cells($0.exposure) }
    switch format {
    case .csv: return CSV.render(header: header, rows: data)
    case .json:
      return JSON.object([
        ("symbol", .string(token.symbol)), ("as_of", .string(date.iso)),
        (
          "market_price",
          .optional(exposures.marketPrice?.decimalString(places: 6, minimumPlaces: 2))
        ),
        ("companies", TokensReport.grantsJSON(header, data)), ("later_entries", laterEntries),
      ]).render()
    case .text:
      var table = TextTable([
        ("Company", .left), ("Locked", .right), ("Available", .right),
        ("\(token.unit)s owed", .right), ("At peg", .right), ("At market", .right),
        ("Shares", .right), ("Stake", .right),
      ])
      for (row, cells) in zip(exposures.rows, data) {
        let (item, currency) = (row.exposure, row.company.currency)
        table.add([
          item.company, item.locked.formatted, item.available.formatted,
          item.units.decimalString(places: 0, grouping: true),
          item.pegValue.map { Money($0, currency).formatted } ?? "-",
          item.marketValue.map { Money($0, currency).formatted } ?? "-", item.shares.formatted,
          cells[8],
        ])
      }
      let heading =
        "\(table.rows.isEmpty ? "No company holds" : "Companies holding") \(token.symbol) "
        + "(issuer \(issuer)) as of \(date)"
      return heading + (table.rows.isEmpty ? "\n" : "\n\n" + table.render())
    }
  }
}
