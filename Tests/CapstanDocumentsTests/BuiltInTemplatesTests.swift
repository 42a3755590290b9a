import CapstanDocuments
import Foundation
import Testing

@Suite("Built-in templates: embedded from Templates/, all valid")
struct BuiltInTemplatesTests {
  /// The binary's copies equal Templates/*.mustache (run `make templates` after an edit).
  @Test func embeddedTextsMatchTheFiles() throws {
    let folder = DemoDeals.root.appendingPathComponent("Templates")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".mustache") }.sorted()
    #expect(
      files.map { String($0.dropLast(".mustache".count)) } == BuiltInTemplates.all.map(\.name))
    for entry in BuiltInTemplates.all {
      let text = try String(
        contentsOf: folder.appendingPathComponent(entry.name + ".mustache"), encoding: .utf8)
      #expect(entry.text == text, "\(entry.name): run make templates")
    }
  }

  @Test func eachHasASummaryAndParses() throws {
    #expect(
      BuiltInTemplates.all.map(\.name) == [
        "compute-for-equity", "compute-safe", "post-money-safe", "priced-round",
      ])
    for entry in BuiltInTemplates.all {
      #expect(!entry.summary.isEmpty)
      _ = try BuiltInTemplates.load(entry.name)
    }
  }

  @Test func unknownNamesAndMissingFiles() {
    #expect(throws: DocumentError.self) { try BuiltInTemplates.load("series-z") }
    #expect(throws: DocumentError.self) { try BuiltInTemplates.load("/nonexistent/x.mustache") }
  }
}
