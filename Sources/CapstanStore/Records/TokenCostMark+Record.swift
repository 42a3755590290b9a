import CapstanModel
import GRDB

extension TokenCostMark {
  static let selectSQL = "SELECT symbol, date, cost_per_unit FROM token_costs ORDER BY position"
  static let insertSQL = insertStatement(
    table: "token_costs", columns: ["symbol", "date", "cost_per_unit"])

  /// The values of one row.
  var storedValues: StatementArguments { [symbol, date.iso, costPerUnit.storedText] }

  /// A mark from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let row = StoredRow(row: row, table: "token_costs", keyIndex: 0)
    self.init(
      symbol: try row.text("symbol"), date: try row.date("date"),
      costPerUnit: try row.ratio("cost_per_unit"))
  }
}
