import CapstanModel
import GRDB

/// The columns of `stakeholders`, read by name: `ColumnIndexes` finds them once per statement.
enum StakeholderColumn: Int, StoredColumn {
  case id, name, kind, email

  /// The SQL column name.
  var sqlName: String {
    switch self {
    case .id: "id"
    case .name: "name"
    case .kind: "kind"
    case .email: "email"
    }
  }
}

extension Stakeholder {
  /// The columns read and written, in order.
  static let columns = StakeholderColumn.allCases.map(\.sqlName)

  static let selectSQL = "SELECT \(columns.joined(separator: ", ")) FROM stakeholders"

  static let insertSQL = insertStatement(table: "stakeholders", columns: columns)

  /// The values of `columns`.
  var storedValues: StatementArguments { [id.rawValue, name, kind.rawValue, email] }

  /// A stakeholder from a row of a statement whose columns `columns` found by name.
  init(stored row: Row, columns: ColumnIndexes<StakeholderColumn>) throws(StoreError) {
    let row = StoredRow(row: row, table: "stakeholders", keyIndex: columns[.id])
    self.init(
      id: ID(try row.text(columns[.id])), name: try row.text(columns[.name]),
      kind: try row.value(Kind.self, columns[.kind]),
      email: try row.optionalText(columns[.email]))
  }
}
