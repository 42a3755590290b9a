import CapstanModel
import Testing

@testable import CapstanStore

/// The store's codec table is built from the areas' lists (no runtime protocol cast): every
/// kind is listed once, under its own kind, and a reader's columns are found by name.
@Suite struct StoredEventTableTests {
  @Test func everyKindIsListedExactlyOnce() {
    let table = StoredEventTable.shared
    #expect(table.duplicates.isEmpty, "listed twice: \(table.duplicates)")
    #expect(table.kinds == Set(LedgerEvent.Kind.allCases))
    for kind in LedgerEvent.Kind.allCases {
      #expect(table[kind]?.kind == kind, "\(kind)")
      #expect(table[word: kind.rawValue]?.kind == kind, "\(kind.rawValue)")
    }
    #expect(table[word: "issue-stock"] == nil)
  }

  @Test func aKindListedTwiceIsReported() {
    let table = StoredEventTable([.init(StockIssuance.self), .init(StockIssuance.self)])
    #expect(table.duplicates == [.issue])
    #expect(table.kinds == [.issue])
  }

  @Test func columnsAreFoundByNameWhereverTheStatementPutsThem() throws {
    // The statement lists the columns in another order, with one the reader does not read.
    let columns = try ColumnIndexes<StakeholderColumn>(
      ["email", "rowid", "kind", "name", "id"], table: "stakeholders")
    #expect(columns[.id] == 4)
    #expect(columns[.name] == 3)
    #expect(columns[.kind] == 2)
    #expect(columns[.email] == 0)
  }

  @Test func aMissingColumnIsNamed() {
    #expect(
      throws: StoreError.unreadableRow(
        table: "stakeholders", key: "?", problem: "has no column email")
    ) {
      try ColumnIndexes<StakeholderColumn>(["id", "name", "kind"], table: "stakeholders")
    }
  }
}
