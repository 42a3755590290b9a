import CapstanInterchange
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@Suite("export xml: what the file holds, counted")
struct NativeXMLExportTests {
  /// The sample company (2 classes: Common and Series Seed; 1 plan; its events), one 409A and
  /// one rename of Grace Hopper: the summary counts them and names the history left out.
  @Test func summaryCountsWhatWasWritten() throws {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in
      let company = try SampleCompany.record(in: &draft)
      try draft.addValuation(WorkspaceContract.valuation, to: company)
      _ = try draft.renameStakeholder(
        SampleCompany.grace, to: "Grace B. Hopper", date: day("2025-03-01"))
      return company
    }
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("export-\(UUID().uuidString).xml").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let export = try NativeXMLExport.write(company, of: workspace, to: path)
    #expect(FileManager.default.fileExists(atPath: path))
    let count = SampleCompany.events.count
    #expect(
      export.lines == [
        "Exported Acme AI to \(path): 2 classes, 1 plans, 1 valuation, \(count) transactions",
        "not exported: stakeholder history (current names, kinds and e-mails are written) ×1",
      ])
  }

  /// Without valuations the count is left out; without history there is no second line.
  @Test func nothingLeftOutIsOneLine() throws {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in try SampleCompany.record(in: &draft) }
    let ledger = try workspace.ledger(for: company)
    let export = NativeXMLExport(ledger: ledger, valuations: [], history: [], path: "a.xml")
    #expect(
      export.lines == [
        "Exported Acme AI to a.xml: 2 classes, 1 plans, \(ledger.transactions.count) transactions"
      ])
  }
}
