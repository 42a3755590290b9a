/// The columns a reader reads from one table, named: `rawValue` is the column's place in the
/// reader's list, `sqlName` its name in the table.
protocol StoredColumn: RawRepresentable<Int>, CaseIterable {
  /// The SQL column name.
  var sqlName: String { get }
}

/// Where each of a reader's columns is among a statement's result columns, found by name once
/// when the cursor opens; each row is then read by index (`row.text(columns[.name])`), with no
/// name lookup per row or value.
struct ColumnIndexes<Column: StoredColumn> {
  private let indexes: [Int]

  /// The indexes of `Column`'s columns among `columnNames` (a statement's), or
  /// `StoreError.unreadableRow` naming the first column the statement lacks.
  init(_ columnNames: [String], table: String) throws(StoreError) {
    var found: [String: Int] = [:]
    for (index, name) in columnNames.enumerated() where found[name] == nil {
      found[name] = index
    }
    var indexes: [Int] = []
    indexes.reserveCapacity(Column.allCases.count)
    for column in Column.allCases {
      guard let index = found[column.sqlName] else {
        throw .unreadableRow(table: table, key: "?", problem: "has no column \(column.sqlName)")
      }
      indexes.append(index)
    }
    self.indexes = indexes
  }

  /// The index of `column` in the statement's rows.
  subscript(column: Column) -> Int { indexes[column.rawValue] }
}
