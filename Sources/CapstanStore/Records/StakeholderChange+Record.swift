import CapstanModel
import GRDB

extension StakeholderChange {
  /// The columns read and written after `seq`, in order.
  static let columns = ["stakeholder_id", "date", "field", "old_value", "new_value"]

  static let selectSQL = """
    SELECT seq, \(columns.joined(separator: ", ")) FROM stakeholder_changes ORDER BY seq
    """

  static let insertSQL = insertStatement(table: "stakeholder_changes", columns: columns)

  /// The values of `columns`.
  var storedValues: StatementArguments {
    [stakeholder.rawValue, date.iso, field.rawValue, old, new]
  }

  /// A change from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let row = StoredRow(row: row, table: "stakeholder_changes", keyIndex: 0)
    self.init(
      stakeholder: Stakeholder.ID(try row.text("stakeholder_id")), date: try row.date("date"),
      field: try row.value(Field.self, "field"), old: try row.optionalText("old_value"),
      new: try row.optionalText("new_value"))
  }
}
