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
      symbol: try row.text("symbol"), issuer: Stakeholder.ID(try row.text("issuer_id")),
      unit: try row.text("unit"),
      unitsPerToken: try row.ratio("units_per_token"), peg: try row.optionalRatio("peg"))
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
    self.init(
      symbol: try row.text("symbol"), date: try row.date("date"), price: try row.ratio("price"))
  }
}
