import CapstanInterchange
import CapstanModel
import CapstanStore
import CapstanTestSupport
import Foundation
import Testing

/// `NativeXMLReader.importStreaming` into SQLite (what `capstan import FILE.xml` runs) gives
/// what the in-memory image gives (`CompanyImage.write`, a second method).
@Suite("Native XML streamed import")
struct NativeXMLStreamingTests {
  static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capstan-xml-stream-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
  }

  /// Every event kind of the sample company: the streamed ledger equals the image's.
  @Test func streamedEqualsTheImage() throws {
    try Self.withFolder { folder in
      let source = InMemoryWorkspace()
      let id = try source.write { draft in try SampleCompany.record(in: &draft) }
      let xml = folder.appendingPathComponent("sample.xml").path
      try NativeXMLWriter.write(try source.ledger(for: id), to: xml)

      let viaImage = InMemoryWorkspace()
      let image = try NativeXMLReader.read(path: xml)
      let expected = try viaImage.write { draft in try image.write(into: &draft) }

      let streamed = try SQLiteWorkspace.create(at: folder.appendingPathComponent("s.db").path)
      let result = try NativeXMLReader.importStreaming(path: xml, into: streamed)
      #expect(result.tally.total == image.transactions.count)
      #expect(result.tally.kinds.map(\.kind) == image.transactionCounts.map(\.kind))
      #expect(
        try streamed.ledger(for: result.company.id).transactions
          == viaImage.ledger(for: expected.id).transactions)
    }
  }

  /// A stakeholder whose name the workspace knows is that stakeholder, and the file's class
  /// id becomes the workspace's: the streamed events are mapped as they go.
  @Test func fileIDsAreMappedWhileStreaming() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <capstan xmlns="urn:capstan:ledger:1" version="1">
        <company name="Beta" currency="EUR" incorporated="2025-02-01"/>
        <stakeholders>
          <stakeholder id="s1" name="Ada Lovelace"/>
          <stakeholder id="s2" name="Bea"/>
        </stakeholders>
        <classes><class id="c1" name="Ordinary" authorized="1000"/></classes>
        <transactions>
          <issue date="2025-03-01" security="CS-1" holder="s1" class="c1" quantity="600" price="1/3"/>
          <transfer date="2025-02-15" security="CS-0" to="s2" quantity="10" resulting-security="CS-2" balance-security="CS-3"/>
        </transactions>
      </capstan>
      """
    try Self.withFolder { folder in
      let file = folder.appendingPathComponent("beta.xml")
      try Data(xml.utf8).write(to: file)
      let workspace = try SQLiteWorkspace.create(at: folder.appendingPathComponent("w.db").path)
      try workspace.write { draft in try SampleCompany.addPeople(to: &draft) }
      // The transfer (line 11) is dated first and names a security nothing issued: the replay
      // refuses it at its line, and nothing of Beta is written.
      do {
        _ = try NativeXMLReader.importStreaming(path: file.path, into: workspace)
        Issue.record("the transfer of CS-0 should be refused")
      } catch let error as ImportError {
        #expect(error.description.contains("beta.xml:11"), "\(error)")
        #expect(error.description.contains("CS-0"), "\(error)")
      }
      #expect(try workspace.companies().isEmpty)
      #expect(try workspace.stakeholders().count == 3)

      // Without the transfer, Beta imports; Ada is the workspace's Ada.
      let fixed = xml.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.contains("<transfer") }.joined(separator: "\n")
      try Data(fixed.utf8).write(to: file)
      let result = try NativeXMLReader.importStreaming(path: file.path, into: workspace)
      let ledger = try workspace.ledger(for: result.company.id)
      guard case .issueStock(let issuance) = ledger.transactions.first?.event else {
        Issue.record("expected an issuance")
        return
      }
      #expect(issuance.holder == SampleCompany.ada)
      #expect(issuance.shareClass == "ordinary")
      #expect(issuance.pricePerShare == Ratio(1, 3))
      // Ada, Grace, the fund, and the new Bea.
      #expect(try workspace.stakeholders().count == 4)
    }
  }
}
