import CapstanDocuments
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What a reader sees in one written term sheet, read back from the bytes of one format (not
/// from the document tree the writers share): its text units (each heading, paragraph, list
/// item and table cell), the bold and italic spans, and the section headings.
struct SheetText {
  /// Each heading, paragraph, list item and table cell as plain text.
  var units: [String] = []
  /// The text of every bold span (definitions are written `(the **Company**)`).
  var bold: [String] = []
  /// The text of every italic span (section references are written `*Confidentiality*`).
  var italic: [String] = []
  /// Heading texts, section numbers taken off.
  var headings: [String] = []

  /// All units, one a line.
  var text: String { units.joined(separator: "\n") }

  /// Matches of `pattern`'s first group (or the whole match) in `text`.
  static func matches(_ pattern: String, in text: String, options: NSRegularExpression.Options = [])
    -> [String]
  {
    guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else {
      return []
    }
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { match in
      let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
      return Range(group, in: text).map { String(text[$0]) }
    }
  }

  static func replacing(_ pattern: String, in text: String, with template: String = "") -> String {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
    return regex.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
  }

  /// The Markdown as written: `#` headings (numbers taken off), `|` table cells, `- ` items,
  /// paragraphs; `**bold**` and `*italic*`.
  static func markdown(_ markdown: String) -> SheetText {
    var sheet = SheetText()
    for line in markdown.split(separator: "\n").map(String.init) {
      var units: [String]
      if line.hasPrefix("#") {
        let text = replacing(#"^#+ (\d+\. )?"#, in: line)
        sheet.headings.append(replacing(#"\*"#, in: text))
        units = [text]
      } else if line.hasPrefix("|") {
        if line.hasPrefix("|---") { continue }
        units = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
          .dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
      } else if line.hasPrefix("- ") {
        units = [String(line.dropFirst(2))]
      } else {
        units = [line]
      }
      for unit in units {
        sheet.bold += matches(#"\*\*(.+?)\*\*"#, in: unit)
        sheet.italic += matches(#"(?<![*\w])\*([^*]+)\*(?![*\w])"#, in: unit)
        sheet.units.append(replacing(#"\*"#, in: unit))
      }
    }
    return sheet
  }

  /// The HTML as written: `h1`–`h3`, `p`, `li`, `th`, `td` elements; `strong` and `em`.
  static func html(_ html: String) -> SheetText {
    func plain(_ text: String) -> String {
      replacing(#"<[^>]+>"#, in: text).replacingOccurrences(of: "&lt;", with: "<")
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
    var sheet = SheetText()
    let body = html.components(separatedBy: "<body").last ?? html
    guard let regex = try? NSRegularExpression(pattern: #"<(h[1-3]|p|li|th|td)\b[^>]*>(.*?)</\1>"#)
    else { return sheet }
    for match in regex.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
      guard let tagRange = Range(match.range(at: 1), in: body),
        let innerRange = Range(match.range(at: 2), in: body)
      else { continue }
      var inner = String(body[innerRange])
      if body[tagRange].hasPrefix("h") {
        inner = replacing(#"<span class="number">\d+\.</span> "#, in: inner)
        sheet.headings.append(plain(inner))
      }
      sheet.bold += matches(#"<strong>(.*?)</strong>"#, in: inner).map(plain)
      sheet.italic += matches(#"<em>(.*?)</em>"#, in: inner).map(plain)
      sheet.units.append(plain(inner))
    }
    return sheet
  }

  /// The .docx's `word/document.xml`: paragraphs (headings by their style) and table cells;
  /// runs with `w:b` and `w:i`.
  static func docx(_ data: Data) throws -> SheetText {
    let archive = try Archive(data: data, accessMode: .read)
    var xmlData = Data()
    if let entry = archive["word/document.xml"] {
      _ = try archive.extract(entry) { xmlData.append($0) }
    }
    let xml = try XMLDocument(data: xmlData, options: [])
    var sheet = SheetText()
    func paragraph(_ element: XMLElement) {
      let text = element.stringValue ?? ""
      let style = element.elements(forName: "w:pPr").first?.elements(forName: "w:pStyle").first?
        .attribute(forName: "w:val")?.stringValue
      if let style, style == "Title" || style.hasPrefix("Heading") { sheet.headings.append(text) }
      for run in element.elements(forName: "w:r") {
        let properties = run.elements(forName: "w:rPr").first
        let runText = run.stringValue ?? ""
        if properties?.elements(forName: "w:b").isEmpty == false { sheet.bold.append(runText) }
        if properties?.elements(forName: "w:i").isEmpty == false { sheet.italic.append(runText) }
      }
      if !text.isEmpty { sheet.units.append(text) }
    }
    let body = xml.rootElement()?.elements(forName: "w:body").first
    for case let element as XMLElement in body?.children ?? [] {
      switch element.name {
      case "w:p": paragraph(element)
      case "w:tbl":
        for row in element.elements(forName: "w:tr") {
          for cell in row.elements(forName: "w:tc") {
            for case let inner as XMLElement in cell.children ?? [] where inner.name == "w:p" {
              paragraph(inner)
            }
          }
        }
      default: break
      }
    }
    return sheet
  }
}
