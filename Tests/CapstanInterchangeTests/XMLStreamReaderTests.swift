import CapstanXML
import Foundation
import Testing

@Suite("The hardened XML stream reader")
struct XMLStreamReaderTests {
  static func readAll(_ text: String) throws(XMLReadError) -> Int {
    let reader = try XMLStreamReader(bytes: Array(text.utf8), name: "t.xml")
    var count = 0
    while try reader.next() != nil { count += 1 }
    return count
  }

  /// libxml2's own limit (no XML_PARSE_HUGE): more than 256 levels is an error, reported
  /// rather than recursed into.
  @Test func deepNestingIsRefusedByTheParser() throws {
    let depth = 100_000
    let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
    let error = try #require(throws: XMLReadError.self) { try Self.readAll(text) }
    #expect(error.message.contains("nested too deeply"), "\(error)")
    #expect(error.file == "t.xml")
  }

  @Test func nestingWithinTheLimitIsRead() throws {
    let text = String(repeating: "<a>", count: 200) + String(repeating: "</a>", count: 200)
    #expect(try Self.readAll(text) == 400)
  }

  @Test(arguments: [
    "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>",
    "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE a SYSTEM \"http://example.com/a.dtd\"><a/>",
  ])
  func doctypesAreRefused(text: String) throws {
    let error = try #require(throws: XMLReadError.self) { try Self.readAll(text) }
    #expect(error.message.contains("document type declaration"), "\(error)")
  }

  @Test func entityReferencesOutsideADoctypeAreErrors() throws {
    let error = try #require(throws: XMLReadError.self) { try Self.readAll("<a>&undefined;</a>") }
    #expect(error.message.contains("undefined"), "\(error)")
  }

  @Test func attributesTextAndLines() throws {
    let reader = try XMLStreamReader(
      bytes: Array("<a x=\"1 &amp; 2\">\n  <b y=\"&#10;\"/>text</a>".utf8), name: "t.xml")
    guard case .start(let a)? = try reader.next(), case .start(let b)? = try reader.next() else {
      Issue.record("expected two elements")
      return
    }
    #expect(a["x"] == "1 & 2")
    #expect(b["y"] == "\n")
    #expect(b.line == 2)
    #expect(try reader.next() == .end(name: "b", line: 2))
    #expect(try reader.next() == .text("text", line: 2))
  }
}
