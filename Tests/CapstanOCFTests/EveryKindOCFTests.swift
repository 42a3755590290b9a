import CapstanModel
import CapstanOCF
import CapstanTestSupport
import Foundation
import Testing

/// Every `LedgerEvent.Kind` is exported to OCF or listed as not exported: a kind the exporter
/// forgets fails here (and the switch below does not compile until the new kind is placed).
@Suite struct EveryKindOCFTests {
  /// What the export does with a kind of event.
  enum Handling {
    /// OCF objects whose id is the transaction's (`tx-5`, `tx-5-result`).
    case exported
    /// Listed in `skipped` under this line, and no object.
    case notExported(String)
    /// Listed in `skipped` under this line; its effects may be exported.
    case listed(String)
  }

  static func handling(_ kind: LedgerEvent.Kind) -> Handling {
    switch kind {
    case .issue, .grant, .exercise, .transfer, .cancel, .repurchase, .split, .authorize,
      .poolIncrease, .safe, .note, .warrant, .conversion, .conversionPrice, .milestone,
      .acceleration:
      .exported
    case .computeGrant, .tokenRedeem, .tokenSale, .tokenClawback:
      .notExported("compute-token transaction (\(kind.rawValue))")
    case .changeOfControl:
      .listed("change of control (no OCF transaction; its accelerations are exported)")
    case .termination:
      .listed(
        "termination (no OCF transaction; its accelerations and cancellations are exported)")
    case .void: .notExported("void (the voided transaction is left out)")
    case .classAmendment:
      .notExported("class amendment (the stock class keeps its original terms)")
    case .planAmendment:
      .notExported("plan amendment (the stock plan keeps its adopted cancellation behaviour)")
    case .holderMerge:
      .notExported("holder merge (the securities keep their original stakeholder)")
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
      switch Self.handling(kind) {
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
