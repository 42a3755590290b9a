import CapstanInterchange
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@Suite("Native XML and its schema")
struct NativeXMLSchemaTests {
  static let xmllint = "/usr/bin/xmllint"
  static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/schema/capstan-ledger.xsd").path

  /// What the writer produces for every event kind is valid against the XSD (checked with
  /// xmllint from libxml2-utils, when it is installed).
  /// The same with compute tokens, every token transaction and richer vesting terms.
  @Test(
    .enabled(if: FileManager.default.isExecutableFile(atPath: xmllint)),
    arguments: [false, true])
  func exportValidatesAgainstTheSchema(withTokensAndVesting: Bool) throws {
    let workspace = InMemoryWorkspace()
    let id = try workspace.write { draft in
      withTokensAndVesting
        ? try TokenVestingCompany.record(in: &draft) : try SampleCompany.record(in: &draft)
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "schema-\(UUID().uuidString.prefix(6)).xml")
    try NativeXMLWriter.write(
      try workspace.ledger(for: id), market: try workspace.tokenMarket(), to: file.path)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.xmllint)
    process.arguments = ["--noout", "--nonet", "--schema", Self.schema, file.path]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(message)")
  }
}
