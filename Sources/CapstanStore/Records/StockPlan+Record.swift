import CapstanModel
import GRDB

extension StockPlan {
  /// The columns read and written after `company_id`, in order.
  static let columns = [
    "id", "name", "class_id", "initial_reserve", "adopted", "cancellation_behavior",
  ]

  static let selectSQL = """
    SELECT \(columns.joined(separator: ", ")) FROM stock_plans WHERE company_id = ? ORDER BY rowid
    """

  static let insertSQL = insertStatement(table: "stock_plans", columns: ["company_id"] + columns)

  /// The values of `company_id` and `columns`.
  func storedValues(company: Company.ID) -> StatementArguments {
    [
      company.rawValue, id.rawValue, name, shareClass.rawValue, initialReserve.count, adopted.iso,
      cancellationBehavior.rawValue,
    ]
  }

  /// A plan from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let row = StoredRow(row: row, table: "stock_plans", keyIndex: 0)
    self.init(
      id: ID(try row.text("id")), name: try row.text("name"),
      shareClass: ShareClass.ID(try row.text("class_id")),
      initialReserve: try row.shares("initial_reserve"), adopted: try row.date("adopted"),
      cancellationBehavior: try row.value(CancellationBehavior.self, "cancellation_behavior"))
  }
}
