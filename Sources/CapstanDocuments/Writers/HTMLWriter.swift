import CapstanModel

/// Writes a `TermSheetDocument` as one self-contained HTML file with a printable stylesheet.
///
/// Every piece of text is escaped (`&`, `<`, `>`, `"`, `'`), so a party name cannot inject
/// markup; the stylesheet is inline and nothing is fetched from the network.
public enum HTMLWriter {
  /// The document as HTML5.
  public static func html(_ document: TermSheetDocument) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(MarkupText.escaped(document.title))</title>
      <style>
      \(stylesheet)
      </style>
      </head>
      <body>
      <main>

      """
    for block in document.blocks {
      switch block {
      case .heading(let heading):
        let tag = "h\(heading.level)"
        let number = heading.number.map { "<span class=\"number\">\($0).</span> " } ?? ""
        out += "<\(tag)>\(number)\(inline(heading.text))</\(tag)>\n"
      case .paragraph(let inlines):
        out += "<p>\(inline(inlines))</p>\n"
      case .bullets(let items):
        out += "<ul>\n"
        for item in items { out += "<li>\(inline(item))</li>\n" }
        out += "</ul>\n"
      case .table(let table):
        // The legacy attributes are for LibreOffice's HTML import, which ignores most CSS.
        out += "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">\n"
        out += "<thead>\n<tr>"
        for (column, cell) in table.header.enumerated() {
          out += "<th\(align(table, column))>\(inline(cell))</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
          out += "<tr>"
          for (column, cell) in row.enumerated() {
            out += "<td\(align(table, column))>\(inline(cell))</td>"
          }
          out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
      }
    }
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  static func align(_ table: DocumentTable, _ column: Int) -> String {
    guard column < table.alignments.count else { return "" }
    switch table.alignments[column] {
    case .left: return ""
    case .center: return " class=\"center\" align=\"center\""
    case .right: return " class=\"number\" align=\"right\""
    }
  }

  static func inline(_ inlines: [Inline]) -> String {
    var out = ""
    for item in inlines {
      switch item {
      case .text(let text): out += MarkupText.escaped(text)
      case .bold(let inner): out += "<strong>" + inline(inner) + "</strong>"
      case .italic(let inner): out += "<em>" + inline(inner) + "</em>"
      }
    }
    return out
  }

  /// Screen and print: a serif body, numbered section headings, ruled tables, A4/Letter margins.
  static let stylesheet = """
    @page { size: auto; margin: 2cm 2.2cm; }
    html { font-family: "Times New Roman", "Liberation Serif", Georgia, serif; font-size: 11pt;
      line-height: 1.4; color: #111; background: #fff; }
    main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
    h1 { font-size: 1.6em; text-align: center; margin: 0 0 1.2em; }
    h2 { font-size: 1.15em; margin: 1.4em 0 0.4em; page-break-after: avoid;
      break-after: avoid; }
    h3 { font-size: 1em; font-style: italic; margin: 1em 0 0.3em; page-break-after: avoid; }
    h2 .number { display: inline-block; min-width: 1.8em; }
    p { margin: 0 0 0.6em; text-align: justify; }
    ul { margin: 0 0 0.6em 1.2em; padding-left: 1em; }
    li { margin: 0.15em 0; }
    table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 0.95em;
      page-break-inside: auto; }
    thead { display: table-header-group; }
    tr { page-break-inside: avoid; break-inside: avoid; }
    th, td { border: 1px solid #999; padding: 0.25em 0.5em; vertical-align: top; }
    th { background: #eee; text-align: left; font-weight: bold; }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    td.center, th.center { text-align: center; }
    @media print { main { margin: 0; max-width: none; padding: 0; } a { color: inherit; } }
    """
}
