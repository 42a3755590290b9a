import Foundation
import Testing

@testable import CapstanServer

/// The pages' templates: the binary's copies equal Templates/server/*.mustache, and each
/// parses (a template that does not parse would render an empty page).
@Suite struct PageTemplatesTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates/server")

  @Test func embeddedTextsMatchTheFiles() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
      .filter { $0.hasSuffix(".mustache") }.sorted()
    #expect(
      files.map { String($0.dropLast(".mustache".count)) } == PageTemplates.texts.map(\.name))
    for entry in PageTemplates.texts {
      let text = try String(
        contentsOf: Self.folder.appendingPathComponent(entry.name + ".mustache"), encoding: .utf8)
      #expect(entry.text + "\n" == text, "\(entry.name): run make templates")
    }
  }

  @Test func eachParses() {
    for entry in PageTemplates.texts {
      #expect(PageTemplates.library.getTemplate(named: entry.name) != nil, "\(entry.name)")
    }
  }

  @Test func valuesAreEscaped() {
    let page = PageTemplates.render(
      "message", ["title": "<script>", "message": "a & \"b\"", "isError": true])
    #expect(!page.contains("<script>"))
    #expect(page.contains("&lt;script&gt;") && page.contains("a &amp; &quot;b&quot;"))
    #expect(page.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
  }
}
