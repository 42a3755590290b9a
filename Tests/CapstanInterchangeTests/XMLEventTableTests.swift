import CapstanModel
import Testing

@testable import CapstanInterchange

/// Capstan XML's codec table is built from the areas' lists (no runtime protocol cast): every
/// kind is listed once, under its own kind.
@Suite struct XMLEventTableTests {
  @Test func everyKindIsListedExactlyOnce() {
    let table = XMLEventTable.shared
    #expect(table.duplicates.isEmpty, "listed twice: \(table.duplicates)")
    #expect(table.kinds == Set(LedgerEvent.Kind.allCases))
    for kind in LedgerEvent.Kind.allCases {
      #expect(table[kind]?.kind == kind, "\(kind)")
    }
  }

  @Test func aKindListedTwiceIsReported() {
    let table = XMLEventTable([.init(Transfer.self), .init(Transfer.self)])
    #expect(table.duplicates == [.transfer])
    #expect(table.kinds == [.transfer])
  }
}
