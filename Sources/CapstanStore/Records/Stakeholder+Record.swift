import CapstanModel
import GRDB

extension Stakeholder {
  /// The columns read and written, in order.
  static let columns = ["id", "name", "kind", "email"]

  static let selectSQL = "SELECT \(columns.joined(separator: ", ")) FROM stakeholders"

  static let insertSQL = insertStatement(table: "stakeholders", columns: columns)

  /// The values of `columns`.
  var storedValues: StatementArguments { [id.rawValue, name, kind.rawValue, email] }

  /// A stakeholder from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let row = StoredRow(row: row, table: "stakeholders", keyIndex: 0)
    self.init(
      id: ID(try row.text("id")), name: try row.text("name"),
      kind: try row.value(Kind.self, "kind"),
      email: try row.optionalText("email"))
  }
}
