import Foundation
import ZIPFoundation

/// Writes a `TermSheetDocument` as a Word .docx: WordprocessingML parts in a zip.
///
/// Styles for the title, numbered section headings (numbering.xml, so Word renumbers when a
/// lawyer inserts a section), subheadings, body and bullet lists; bold and italic runs; tables
/// with a repeated header row; "Page N of M" in the footer. The zip entries carry a fixed date,
/// so the same document gives the same bytes.
public enum DocxWriter {
  /// The .docx file's bytes.
  public static func docx(_ document: TermSheetDocument) throws(DocumentError) -> Data {
    let parts: [(String, String)] = [
      ("[Content_Types].xml", DocxParts.contentTypes),
      ("_rels/.rels", DocxParts.packageRelationships),
      ("docProps/core.xml", DocxParts.coreProperties(title: document.title)),
      ("docProps/app.xml", DocxParts.appProperties),
      ("word/document.xml", documentXML(document)),
      ("word/styles.xml", DocxParts.styles),
      ("word/numbering.xml", DocxParts.numbering),
      ("word/settings.xml", DocxParts.settings),
      ("word/footer1.xml", DocxParts.footer),
      ("word/_rels/document.xml.rels", DocxParts.documentRelationships),
    ]
    do {
      let archive = try Archive(accessMode: .create)
      let date = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01: reproducible bytes
      for (path, text) in parts {
        let data = Data(text.utf8)
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
          compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<(Int(position) + size))
        }
      }
      guard let data = archive.data else { throw DocumentError.docx("the zip has no data") }
      return data
    } catch let error as DocumentError {
      throw error
    } catch {
      throw DocumentError.docx("\(error)")
    }
  }

  /// `word/document.xml`: the body.
  public static func documentXML(_ document: TermSheetDocument) -> String {
    var body = ""
    body.reserveCapacity(16_384)
    for block in document.blocks {
      switch block {
      case .heading(let heading):
        let style =
          switch heading.level {
          case 1: "Title"
          case 2: "Heading1"
          default: "Heading2"
          }
        body += paragraph(style: style, runs(heading.text))
      case .paragraph(let inlines):
        body += paragraph(style: nil, runs(inlines))
      case .bullets(let items):
        for item in items { body += paragraph(style: "ListBullet", runs(item)) }
      case .table(let table):
        body += self.table(table)
      }
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
      <w:body>
      \(body)<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>\
      <w:pgSz w:w="12240" w:h="15840"/>\
      <w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" \
      w:footer="720" w:gutter="0"/></w:sectPr>
      </w:body>
      </w:document>

      """
  }

  static func paragraph(style: String?, _ runs: String, alignment: String? = nil) -> String {
    var properties = ""
    if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
    if let alignment { properties += "<w:jc w:val=\"\(alignment)\"/>" }
    let pPr = properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
    return "<w:p>\(pPr)\(runs)</w:p>\n"
  }

  static func runs(_ inlines: [Inline], bold: Bool = false, italic: Bool = false) -> String {
    var out = ""
    for inline in inlines {
      switch inline {
      case .text(let text):
        var properties = ""
        if bold { properties += "<w:b/>" }
        if italic { properties += "<w:i/>" }
        let rPr = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
        out += "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
      case .bold(let inner): out += runs(inner, bold: true, italic: italic)
      case .italic(let inner): out += runs(inner, bold: bold, italic: true)
      }
    }
    return out
  }

  static func table(_ table: DocumentTable) -> String {
    let columns = max(1, table.header.count)
    let width = 9360 / columns
    var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TermTable\"/><w:tblW w:w=\"5000\" "
    out += "w:type=\"pct\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" "
    out += "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
    out += "<w:tblGrid>"
    for _ in 0..<columns { out += "<w:gridCol w:w=\"\(width)\"/>" }
    out += "</w:tblGrid>\n"
    func row(_ cells: [[Inline]], header: Bool) -> String {
      var out = header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>"
      for (column, cell) in cells.enumerated() {
        let shading = header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>" : ""
        out += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(shading)</w:tcPr>"
        let alignment = column < table.alignments.count ? word(table.alignments[column]) : nil
        out += paragraph(
          style: "TableText", runs(cell, bold: header), alignment: header ? nil : alignment)
        out += "</w:tc>"
      }
      return out + "</w:tr>\n"
    }
    out += row(table.header, header: true)
    for cells in table.rows { out += row(cells, header: false) }
    return out + "</w:tbl>\n" + paragraph(style: nil, "")
  }

  static func word(_ alignment: DocumentTable.Alignment) -> String? {
    switch alignment {
    case .left: nil
    case .center: "center"
    case .right: "right"
    }
  }

  /// Text escaped for XML content.
  static func escape(_ text: String) -> String {
    guard text.contains(where: { "&<>\"".contains($0) }) else { return text }
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }
}
