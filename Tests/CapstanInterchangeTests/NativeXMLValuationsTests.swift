import CapstanInterchange
import CapstanModel
import CapstanStore
import CapstanTestSupport
import Foundation
import Testing

@Suite("Native XML carries a company's valuations")
struct NativeXMLValuationsTests {
  /// A 409A of Common at $0.25 from 2025-01-15 by Carta Valuations, approved 2025-01-20.
  static let carta = ShareValuation(
    effective: day("2025-01-15"), shareClass: SampleCompany.commonID, pricePerShare: Ratio(1, 4),
    kind: .section409A, provider: "Carta Valuations", boardApproved: day("2025-01-20"))
  /// Another kind, of Series Seed Preferred at 4/3 (no terminating decimal: written `4/3`).
  static let board = ShareValuation(
    effective: day("2025-06-30"), shareClass: SampleCompany.seedID, pricePerShare: Ratio(4, 3),
    kind: .other)

  /// The sample company (every event kind) with the two valuations recorded.
  static func source() throws -> (InMemoryWorkspace, Company.ID) {
    let workspace = InMemoryWorkspace()
    let id = try workspace.write { draft in
      let id = try SampleCompany.record(in: &draft)
      try draft.addValuation(carta, to: id)
      try draft.addValuation(board, to: id)
      return id
    }
    return (workspace, id)
  }

  /// Export, import into a new workspace, export again: the same valuations in the same order,
  /// the same ledger, and the same bytes.
  @Test func valuationsRoundTripByteForByte() throws {
    let (source, id) = try Self.source()
    let original = try source.ledger(for: id)
    let valuations = try source.valuations(for: id)
    let bytes = try NativeXMLWriter.bytes(of: original, valuations: valuations)
    let text = String(decoding: bytes, as: UTF8.self)
    // Written by hand from the two valuations above: $0.25 is the decimal 0.25, 4/3 a fraction.
    #expect(
      text.contains(
        #"    <valuation class="common" effective="2025-01-15" price="0.25" type="409a" provider="Carta Valuations" board-approved="2025-01-20"/>"#
      ))
    #expect(
      text.contains(
        #"    <valuation class="series-seed-preferred" effective="2025-06-30" price="4/3" type="other"/>"#
      ))
    // After the plans, before the transactions (which stay last).
    let plans = try #require(text.range(of: "</plans>"))
    let section = try #require(text.range(of: "<valuations>"))
    let transactions = try #require(text.range(of: "<transactions>"))
    #expect(plans.upperBound <= section.lowerBound)
    #expect(section.upperBound <= transactions.lowerBound)

    let image = try NativeXMLReader.read(bytes: bytes, name: "valued.xml")
    #expect(image.valuations == [Self.carta, Self.board])
    let target = InMemoryWorkspace()
    let company = try target.write { draft in try image.write(into: &draft) }
    let copied = try target.valuations(for: company.id)
    #expect(copied == [Self.carta, Self.board])
    let copy = try target.ledger(for: company.id)
    #expect(copy.transactions == original.transactions)
    #expect(try NativeXMLWriter.bytes(of: copy, valuations: copied) == bytes)
  }

  /// The streamed import (the path `capstan import` takes) records them in SQLite with the
  /// ledger; a file without valuations writes no `<valuations>` at all.
  @Test func streamedImportRecordsValuations() throws {
    let (source, id) = try Self.source()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capstan-valuations-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let xml = folder.appendingPathComponent("valued.xml").path
    try NativeXMLWriter.write(
      try source.ledger(for: id), valuations: try source.valuations(for: id), to: xml)
    let store = try SQLiteWorkspace.create(at: folder.appendingPathComponent("b.db").path)
    let result = try NativeXMLReader.importStreaming(path: xml, into: store)
    #expect(try store.valuations(for: result.company.id) == [Self.carta, Self.board])
    #expect(result.header.valuations.count == 2)

    let plain = String(
      decoding: try NativeXMLWriter.bytes(of: source.ledger(for: id)), as: UTF8.self)
    #expect(!plain.contains("valuation"))
  }

  /// A valuation of a class the ledger lacks would give a file that cannot be imported: the
  /// writer refuses it before writing anything.
  @Test func writerRefusesAValuationOfAnUnknownClass() throws {
    let (source, id) = try Self.source()
    var stray = Self.carta
    stray.shareClass = "series-z"
    let error = try #require(throws: NativeXMLWriteError.self) {
      try NativeXMLWriter.bytes(of: source.ledger(for: id), valuations: [stray])
    }
    #expect(error == .unknownValuationClass(shareClass: "series-z", effective: "2025-01-15"))
  }

  static let head = """
    <?xml version="1.0" encoding="UTF-8"?>
    <capstan xmlns="urn:capstan:ledger:1" version="1">
      <company name="Beta" currency="USD" incorporated="2025-02-01"/>
      <stakeholders><stakeholder id="ada" name="Ada"/></stakeholders>
      <classes><class id="common" name="Common" authorized="1000"/></classes>

    """

  /// `<valuations>` holding `valuation` on line 7.
  static func document(_ valuation: String) -> [UInt8] {
    Array(
      (head + "  <valuations>\n    " + valuation + "\n  </valuations>\n  <transactions/>\n"
        + "</capstan>\n").utf8)
  }

  @Test(
    arguments: [
      (#"<valuation class="preferred" effective="2025-03-01" price="0.25"/>"#, "names no <class>"),
      (#"<valuation class="common" effective="2025-03-01" price="1e3"/>"#, "exact number"),
      (#"<valuation class="common" effective="2025-03-01" price="-0.25"/>"#, "non-negative"),
      (#"<valuation class="common" effective="2025-03-01" price="0"/>"#, "a positive price"),
      (#"<valuation class="common" effective="2025-02-30" price="0.25"/>"#, "YYYY-MM-DD"),
      (
        #"<valuation class="common" effective="2025-03-01" price="0.25" board-approved="3/1/25"/>"#,
        "YYYY-MM-DD"
      ),
      (
        #"<valuation class="common" effective="2025-03-01" price="0.25" type="409A"/>"#,
        "409a, other"
      ),
      (#"<valuation class="common" effective="2025-03-01" prize="0.25"/>"#, "no attribute 'prize'"),
      (#"<valuation class="common" price="0.25"/>"#, "needs the attribute 'effective'"),
      (#"<appraisal class="common"/>"#, "unexpected <appraisal> in <valuations>"),
    ])
  func refusesWithLine(valuation: String, message: String) throws {
    let error = try #require(throws: ImportError.self) {
      try NativeXMLReader.read(bytes: Self.document(valuation), name: "bad.xml")
    }
    #expect(error.location == "bad.xml:7", "\(error)")
    #expect(error.message.contains(message), "\(error)")
  }

  /// `<transactions>` stays last: `<valuations>` after it (line 7), or before `<tokens>`, is
  /// refused at its line.
  @Test(
    arguments: [
      ("  <transactions/>\n  <valuations/>\n", "<valuations> is out of place"),
      ("  <valuations/>\n  <tokens/>\n", "<tokens> is out of place"),
    ])
  func sectionOrderIsChecked(sections: String, message: String) throws {
    let xml = Self.head + sections + "</capstan>\n"
    let error = try #require(throws: ImportError.self) {
      try NativeXMLReader.read(bytes: Array(xml.utf8), name: "bad.xml")
    }
    #expect(error.location == "bad.xml:7", "\(error)")
    #expect(error.message.contains(message), "\(error)")
  }

  /// The model's rules are checked on import at the valuation's line: 2025-01-31 is before the
  /// company's incorporation (2025-02-01), and nothing is written.
  @Test func importRefusesAValuationBeforeIncorporation() throws {
    let image = try NativeXMLReader.read(
      bytes: Self.document(#"<valuation class="common" effective="2025-01-31" price="0.25"/>"#),
      name: "early.xml")
    let workspace = InMemoryWorkspace()
    let error = try #require(throws: ImportError.self) {
      try workspace.write { draft in try image.write(into: &draft) }
    }
    #expect(error.location == "early.xml:7", "\(error)")
    #expect(error.message.contains("valuation of Common"), "\(error)")
    #expect(try workspace.companies().isEmpty)
  }

  /// An export with valuations is valid against the XSD (with xmllint, when installed).
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: NativeXMLSchemaTests.xmllint)))
  func exportWithValuationsValidatesAgainstTheSchema() throws {
    let (source, id) = try Self.source()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "schema-valuations-\(UUID().uuidString.prefix(6)).xml")
    try NativeXMLWriter.write(
      try source.ledger(for: id), valuations: try source.valuations(for: id), to: file.path)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: NativeXMLSchemaTests.xmllint)
    process.arguments = ["--noout", "--nonet", "--schema", NativeXMLSchemaTests.schema, file.path]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(message)")
  }
}
