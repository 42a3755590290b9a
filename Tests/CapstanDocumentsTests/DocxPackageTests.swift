import CapstanDocuments
import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The .docx is a real WordprocessingML package whose text is the Markdown's.
///
/// The XML is parsed with Foundation's `XMLDocument` (libxml2 underneath) here because the
/// project's libxml2 wrapper lives on another branch; the parts are Capstan's own output with
/// no DTD, so none of the entity dangers of untrusted input apply.
@Suite("docx: a valid package whose text matches the Markdown")
struct DocxPackageTests {
  static let parts = [
    "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
    "word/numbering.xml", "word/footer1.xml", "word/_rels/document.xml.rels",
    "word/settings.xml", "docProps/core.xml", "docProps/app.xml",
  ]

  func entries(_ data: Data) throws -> [String: Data] {
    let archive = try Archive(data: data, accessMode: .read)
    var result: [String: Data] = [:]
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
      result[entry.path] = bytes
    }
    return result
  }

  @Test(arguments: GoldenTermSheetTests.names)
  func packageIsValid(_ name: String) throws {
    let document = try DemoDeals.document(name)
    let data = try DocxWriter.docx(document)
    #expect(data.prefix(2) == Data("PK".utf8))
    let files = try entries(data)
    #expect(Set(files.keys) == Set(Self.parts))
    for (path, bytes) in files {
      #expect(throws: Never.self, "\(path) parses as XML") {
        _ = try XMLDocument(data: bytes, options: [])
      }
    }
    // The same document gives the same bytes (fixed entry dates).
    #expect(try DocxWriter.docx(document) == data)
  }

  /// Paragraph texts of document.xml (table rows as tab-joined cells) equal the tree's lines;
  /// Word numbers the sections itself (numbering.xml), so their numbers are not in the text.
  @Test(arguments: GoldenTermSheetTests.names)
  func textMatchesMarkdown(_ name: String) throws {
    let document = try DemoDeals.document(name)
    let files = try entries(try DocxWriter.docx(document))
    let xml = try XMLDocument(data: files["word/document.xml"] ?? Data(), options: [])
    var lines: [String] = []
    let body = xml.rootElement()?.elements(forName: "w:body").first
    for element in body?.children ?? [] {
      switch element.name {
      case "w:p":
        let text = element.stringValue ?? ""
        if !text.isEmpty { lines.append(text) }
      case "w:tbl":
        for row in (element as? XMLElement)?.elements(forName: "w:tr") ?? [] {
          lines.append(
            row.elements(forName: "w:tc").map { $0.stringValue ?? "" }.joined(separator: "\t"))
        }
      default: break
      }
    }
    // The tree read back from the written Markdown, section numbers taken off.
    let markdown = MarkdownReader.document(MarkdownWriter.markdown(document))
    let expected = markdown.blocks.flatMap { block -> [String] in
      TermSheetDocument(blocks: [block]).plainTextLines.map { line in
        guard case .heading(let heading) = block, let number = heading.number else { return line }
        let prefix = "\(number). "
        let text = line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : line
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
      }
    }
    #expect(lines == expected)
  }

  @Test func footerHasPageNumbersAndHeadingsAreNumbered() throws {
    let files = try entries(try DocxWriter.docx(try DemoDeals.document("seed.priced-round")))
    let footer = String(decoding: files["word/footer1.xml"] ?? Data(), as: UTF8.self)
    #expect(footer.contains("w:instr=\" PAGE \""))
    let styles = String(decoding: files["word/styles.xml"] ?? Data(), as: UTF8.self)
    #expect(styles.contains("w:styleId=\"Heading1\""))
    let numbering = String(decoding: files["word/numbering.xml"] ?? Data(), as: UTF8.self)
    #expect(numbering.contains("<w:numFmt w:val=\"bullet\"/>"))
    #expect(numbering.contains("<w:lvlText w:val=\"%1.\"/>"))
    let body = String(decoding: files["word/document.xml"] ?? Data(), as: UTF8.self)
    #expect(body.contains("<w:tblHeader/>"))
    #expect(body.contains("<w:pStyle w:val=\"ListBullet\"/>"))
    #expect(body.contains("<w:b/>"))
  }

  /// User text is escaped in HTML and .docx, and left as typed in Markdown.
  @Test func userTextEscaping() throws {
    let template = try TermSheetTemplate(name: "t", text: "# {{company}}\n\n{{company}}\n")
    let context = TermSheetFields(["company": .text("O'Brien & <Partners>")])
    let document = try TermSheetRenderer.document(template, context)
    #expect(MarkdownWriter.markdown(document) == "# O'Brien & <Partners>\n\nO'Brien & <Partners>\n")
    let html = HTMLWriter.html(document)
    #expect(html.contains("<p>O&#39;Brien &amp; &lt;Partners&gt;</p>"))
    #expect(!html.contains("<Partners>"))
    #expect(DocxWriter.documentXML(document).contains("O&#39;Brien &amp; &lt;Partners&gt;"))
  }
}
