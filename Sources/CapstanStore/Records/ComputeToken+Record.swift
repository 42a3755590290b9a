import CapstanModel
import GRDB

extension ComputeToken {
  static let selectSQL =
    "SELECT symbol, issuer_id, unit, units_per_token, peg FROM tokens ORDER BY symbol"
  static let insertSQL = insertStatement(
    table: "tokens", columns: ["symbol", "issuer_id", "unit", "units_per_token", "peg"])

  /// The values of one row.
  var storedValues: StatementArguments {
    [symbol, issuer.rawValue, unit, unitsPerToken.storedText, peg?.storedText]
  }

  /// A token from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let row = StoredRow(row: row, table: "tokens", keyIndex: 0)
    self.init(
      symbol: try row.text(0), issuer: Stakeholder.ID(try row.text(1)), unit: try row.text(2),
      unitsPerToken: try row.ratio(3), peg: try row.optionalRatio(4))
  }
}

extension TokenPriceMark {
  static let selectSQL = "SELECT symbol, date, price FROM token_prices ORDER BY symbol, date"
  static let insertSQL = insertStatement(
    table: "token_prices", columns: ["symbol", "date", "price"])

  /// The values of one row.
  var storedValues: StatementArguments { [symbol, date.iso, price.storedText] }

  /// A mark from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let row = StoredRow(row: row, table: "token_prices", keyIndex: 0)
    self.init(symbol: try row.text(0), date: try row.date(1), price: try row.ratio(2))
  }
}
