import CapstanEngine
import CapstanModel

extension TokensReport {
  /// The workspace's tokens with their issuer (by stakeholder id), peg and latest market
  /// price, as `format`.
  public static func list(
    _ market: TokenMarket, stakeholders: [Stakeholder], format: ViewFormat
  ) -> String {
    let names = Dictionary(
      stakeholders.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let header = [
      "symbol", "issuer", "unit", "units_per_token", "peg", "last_date", "last_price",
    ]
    let rows = market.tokens.values.sorted { $0.symbol < $1.symbol }.map { token in
      let last = market.prices(token.symbol).marks.last
      return [
        token.symbol, names[token.issuer] ?? token.issuer.rawValue, token.unit,
        token.unitsPerToken.exactDecimalString ?? token.unitsPerToken.fractionString,
        token.peg.map { $0.decimalString(places: 6, minimumPlaces: 2) } ?? "",
        last?.date.iso ?? "",
        last.map { $0.price.decimalString(places: 6, minimumPlaces: 2) } ?? "",
      ]
    }
    switch format {
    case .csv: return CSV.render(header: header, rows: rows)
    case .json:
      return JSON.array(rows.map { row in .object(zip(header, row).map { ($0, .string($1)) }) })
        .render()
    case .text:
      var table = TextTable(header.map { ($0, .left) })
      for row in rows { table.add(row) }
      return "Tokens\n\n" + table.render()
    }
  }
}
