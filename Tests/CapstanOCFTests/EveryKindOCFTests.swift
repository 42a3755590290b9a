import CapstanModel
import CapstanOCF
import CapstanTestSupport
import Foundation
import Testing

/// Every `LedgerEvent.Kind` is exported to OCF or listed as not exported, as its line of
/// `OCFEventMapping.table` says: a kind the table forgets, or a line the exporter does not
/// follow, fails here.
@Suite struct EveryKindOCFTests {
  @Test func everyKindHasItsOwnMapping() {
    for kind in LedgerEvent.Kind.allCases {
      #expect(OCFEventMapping.table[kind] != nil, "\(kind) has no OCF mapping")
    }
  }

  @Test func everyKindIsExportedOrListedAsNotExported() throws {
    let ledger = try SampleCompany.everyKindLedger()
    var exporter = OCFExporter(ledger: ledger, generated: Date(timeIntervalSince1970: 0))
    let files = try exporter.files()
    let data = try #require(files.first { $0.name == "Transactions.ocf.json" }?.data)
    let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let items = try #require(file["items"] as? [[String: Any]])
    let ids = items.compactMap { $0["id"] as? String }
    func exported(_ sequence: Int) -> Bool {
      ids.contains { $0 == "tx-\(sequence)" || $0.hasPrefix("tx-\(sequence)-") }
    }
    // The voided issue (23) is left out.
    #expect(!exported(23))
    for kind in LedgerEvent.Kind.allCases {
      let sequences = ledger.transactions
        .filter { $0.event.kind == kind && ledger.voids[$0.sequence] == nil }.map(\.sequence)
      #expect(!sequences.isEmpty, "no \(kind) in the sample")
      switch OCFEventMapping.of(kind) {
      case .exported:
        #expect(sequences.allSatisfy(exported), "\(kind) not exported")
      case .notExported(let line):
        #expect(exporter.skipped[line] != nil, "\(kind) not listed as '\(line)'")
        #expect(!sequences.contains(where: exported), "\(kind) exported")
      case .listed(let line):
        #expect(exporter.skipped[line] != nil, "\(kind) not listed as '\(line)'")
      }
    }
  }
}
