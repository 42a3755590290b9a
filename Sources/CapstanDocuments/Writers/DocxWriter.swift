import CapstanModel
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
          // The fixed parts are small and the same every time: stored, they cost no deflate.
          compressionMethod: path == "word/document.xml" ? .deflate : .none
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
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
      <w:body>

      """
    out.reserveCapacity(32_768)
    for block in document.blocks {
      switch block {
      case .heading(let heading):
        let style =
          switch heading.level {
          case 1: "Title"
          case 2: "Heading1"
          default: "Heading2"
          }
        paragraph(&out, style: style, heading.text)
      case .paragraph(let inlines):
        paragraph(&out, style: nil, inlines)
      case .bullets(let items):
        for item in items { paragraph(&out, style: "ListBullet", item) }
      case .table(let table):
        self.table(&out, table)
      }
    }
    out += """
      <w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>\
      <w:pgSz w:w="12240" w:h="15840"/>\
      <w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" \
      w:footer="720" w:gutter="0"/></w:sectPr>
      </w:body>
      </w:document>

      """
    return out
  }

  static func paragraph(
    _ out: inout String, style: String?, _ inlines: [Inline], alignment: String? = nil,
    bold: Bool = false
  ) {
    out += "<w:p>"
    if style != nil || alignment != nil {
      out += "<w:pPr>"
      if let style {
        out += "<w:pStyle w:val=\""
        out += style
        out += "\"/>"
      }
      if let alignment {
        out += "<w:jc w:val=\""
        out += alignment
        out += "\"/>"
      }
      out += "</w:pPr>"
    }
    runs(&out, inlines, bold: bold, italic: false)
    out += "</w:p>\n"
  }

  static func runs(_ out: inout String, _ inlines: [Inline], bold: Bool, italic: Bool) {
    for inline in inlines {
      switch inline {
      case .text(let text):
        out += "<w:r>"
        if bold || italic {
          out += "<w:rPr>"
          if bold { out += "<w:b/>" }
          if italic { out += "<w:i/>" }
          out += "</w:rPr>"
        }
        out += "<w:t xml:space=\"preserve\">"
        MarkupText.appendEscaped(&out, text)
        out += "</w:t></w:r>"
      case .bold(let inner): runs(&out, inner, bold: true, italic: italic)
      case .italic(let inner): runs(&out, inner, bold: bold, italic: true)
      }
    }
  }

  static func table(_ out: inout String, _ table: DocumentTable) {
    let columns = max(1, table.header.count)
    let width = String(9360 / columns)
    out += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TermTable\"/><w:tblW w:w=\"5000\" "
    out += "w:type=\"pct\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" "
    out += "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
    out += "<w:tblGrid>"
    for _ in 0..<columns {
      out += "<w:gridCol w:w=\""
      out += width
      out += "\"/>"
    }
    out += "</w:tblGrid>\n"
    func row(_ cells: [[Inline]], header: Bool) {
      out += header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>"
      for (column, cell) in cells.enumerated() {
        out += "<w:tc><w:tcPr><w:tcW w:w=\""
        out += width
        out += "\" w:type=\"dxa\"/>"
        if header { out += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>" }
        out += "</w:tcPr>"
        let alignment =
          !header && column < table.alignments.count ? word(table.alignments[column]) : nil
        paragraph(&out, style: "TableText", cell, alignment: alignment, bold: header)
        out += "</w:tc>"
      }
      out += "</w:tr>\n"
    }
    row(table.header, header: true)
    for cells in table.rows { row(cells, header: false) }
    out += "</w:tbl>\n<w:p></w:p>\n"
  }

  static func word(_ alignment: DocumentTable.Alignment) -> String? {
    switch alignment {
    case .left: nil
    case .center: "center"
    case .right: "right"
    }
  }
}
