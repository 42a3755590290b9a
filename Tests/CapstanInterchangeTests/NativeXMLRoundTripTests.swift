import CapstanInterchange
import CapstanModel
import CapstanStore
import CapstanTestSupport
import Foundation
import Testing

@Suite("Native XML round trip")
struct NativeXMLRoundTripTests {
  /// The sample company (every event kind, fractions like 1/3 votes and 4/25 prices, a custom
  /// rounding policy) written to XML and read into a new workspace gives the same ledger.
  @Test func everyEventKindRoundTrips() throws {
    let source = InMemoryWorkspace()
    let id = try source.write { draft in try SampleCompany.record(in: &draft) }
    try source.write { draft in try Self.exerciseWarrant(in: &draft, id) }
    let original = try source.ledger(for: id)
    #expect(Set(original.transactions.map(\.event.kind)).count == 14)

    let bytes = try NativeXMLWriter.bytes(of: original)
    let image = try NativeXMLReader.read(bytes: bytes, name: "sample.xml")
    let target = InMemoryWorkspace()
    let company = try target.write { draft in try image.write(into: &draft) }
    let copy = try target.ledger(for: company.id)

    #expect(copy.company == original.company)
    #expect(copy.classes == original.classes)
    #expect(copy.plans == original.plans)
    #expect(copy.transactions == original.transactions)
    // The warrant exercise came back as one: 10,000 − 4,000 left, CS-21 issued at $0.50.
    let table = try copy.replay()
    #expect(table.warrants["W-1"]?.outstanding == Shares(6_000))
    #expect(table.stock["CS-21"]?.pricePerShare == Ratio(1, 2))
    #expect(
      copy.stakeholders.values.sorted { $0.id < $1.id }
        == original.stakeholders.values.sorted { $0.id < $1.id })
    // Writing the copy gives the same bytes again.
    #expect(try NativeXMLWriter.bytes(of: copy) == bytes)
  }

  /// 4,000 of the sample's warrant W-1 (10,000 Common at $0.50) exercised into CS-21: an
  /// exercise of a warrant rather than of options.
  static func exerciseWarrant(in draft: inout WorkspaceDraft, _ company: Company.ID) throws {
    try draft.append(
      [
        (
          day("2025-12-03"),
          .exercise(Exercise(grant: "W-1", quantity: 4_000, resultingSecurity: "CS-21"))
        )
      ],
      to: company)
  }

  /// Through SQLite: a file written, imported into a new workspace file, written again.
  @Test func roundTripsThroughTheSQLiteStore() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capstan-xml-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try SQLiteWorkspace.create(at: folder.appendingPathComponent("a.db").path)
    let id = try first.write { draft in try SampleCompany.record(in: &draft) }
    try first.write { draft in try Self.exerciseWarrant(in: &draft, id) }
    let xml = folder.appendingPathComponent("a.xml").path
    try NativeXMLWriter.write(try first.ledger(for: id), to: xml)

    let second = try SQLiteWorkspace.create(at: folder.appendingPathComponent("b.db").path)
    let image = try NativeXMLReader.read(path: xml)
    let company = try second.write { draft in try image.write(into: &draft) }
    #expect(try second.ledger(for: company.id).transactions == first.ledger(for: id).transactions)
    #expect(
      try NativeXMLWriter.bytes(of: second.ledger(for: company.id))
        == NativeXMLWriter.bytes(of: first.ledger(for: id)))
  }

  /// Ids in the file need not be the workspace's: they are mapped, and a stakeholder whose name
  /// the workspace knows is that stakeholder.
  @Test func fileIDsAreMappedToWorkspaceIDs() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <capstan xmlns="urn:capstan:ledger:1" version="1">
        <company name="Beta" currency="EUR" incorporated="2025-02-01"/>
        <stakeholders><stakeholder id="s1" name="Ada Lovelace"/></stakeholders>
        <classes><class id="c1" name="Ordinary" authorized="1000"/></classes>
        <plans/>
        <transactions>
          <issue date="2025-02-01" security="CS-1" holder="s1" class="c1" quantity="600" price="1/3"/>
        </transactions>
      </capstan>
      """
    let image = try NativeXMLReader.read(bytes: Array(xml.utf8), name: "beta.xml")
    let workspace = InMemoryWorkspace()
    try workspace.write { draft in try SampleCompany.addPeople(to: &draft) }
    let company = try workspace.write { draft in try image.write(into: &draft) }
    let ledger = try workspace.ledger(for: company.id)
    guard case .issueStock(let issuance) = ledger.transactions.first?.event else {
      Issue.record("expected an issuance")
      return
    }
    #expect(issuance.holder == SampleCompany.ada)
    #expect(issuance.shareClass == "ordinary")
    #expect(issuance.pricePerShare == Ratio(1, 3))
    #expect(try workspace.stakeholders().count == 3)
  }
}
