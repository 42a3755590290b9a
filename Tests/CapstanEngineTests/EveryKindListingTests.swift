import CapstanEngine
import CapstanModel
import CapstanTestSupport
import Testing

/// Every `LedgerEvent.Kind` has its line in the ledger listing: a kind the listing forgets
/// fails here.
@Suite struct EveryKindListingTests {
  @Test func everyKindHasAListingLineWithASummary() throws {
    let ledger = try SampleCompany.everyKindLedger()
    let entries = LedgerListing.entries(of: ledger)
    #expect(entries.map(\.sequence) == ledger.transactions.map(\.sequence))
    #expect(entries.map(\.kind) == ledger.transactions.map(\.event.kind))
    for kind in LedgerEvent.Kind.allCases {
      let lines = entries.filter { $0.kind == kind }
      #expect(!lines.isEmpty, "no listing line for \(kind)")
      #expect(lines.allSatisfy { !$0.summary.isEmpty }, "a \(kind) line has no summary")
    }
    // The voided issue is listed with the void that voided it.
    #expect(entries.first { $0.sequence == 23 }?.voidedBy == 24)
  }
}
