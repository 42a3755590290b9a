import CapstanModel

extension ReportDocument {
  /// The report as one offline HTML page: inline CSS and inline SVG charts, no scripts, no
  /// fonts or images from the network; tables and charts avoid page breaks when printed.
  public func html() -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>\(MarkupText.escaped(title))</title>\n<style>\n\(ReportDocument.css)</style>\n"
    out += "</head>\n<body>\n<h1>\(MarkupText.escaped(title))</h1>\n"
    out += "<p class=\"meta\">As of \(asOf.iso) · amounts in \(currency.code)</p>\n"
    for section in sections {
      out += "<section id=\"\(MarkupText.escaped(section.key))\">\n"
      out += "<h2>\(MarkupText.escaped(section.title))</h2>\n"
      if !section.facts.isEmpty {
        out += "<dl>\n"
        for fact in section.facts {
          out += "<dt>\(MarkupText.escaped(fact.label))</dt>"
          out += "<dd>\(MarkupText.escaped(fact.value.text(currency)))</dd>\n"
        }
        out += "</dl>\n"
      }
      for chart in section.charts {
        out += "<figure class=\"chart\" id=\"chart-\(MarkupText.escaped(chart.key))\">\n"
        out += chart.svg + "</figure>\n"
      }
      // Table keys repeat across sections ("companies"): the id names both, to stay unique.
      for table in section.tables {
        out += table.html(currency: currency, id: "table-\(section.key)-\(table.key)")
      }
      for note in section.notes { out += "<p class=\"note\">\(MarkupText.escaped(note))</p>\n" }
      out += "</section>\n"
    }
    if let later = laterEntries {
      out += "<p class=\"note\" id=\"later-entries\">\(MarkupText.escaped(later.note))</p>\n"
    }
    return out + "</body>\n</html>\n"
  }

  static let css = """
    body { font-family: sans-serif; margin: 2em auto; max-width: 62em; color: #222; }
    h1 { font-size: 1.6em; margin-bottom: 0.2em; }
    h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
    h3 { font-size: 1em; }
    .meta, .note { color: #555; font-size: 0.9em; }
    dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1.5em; }
    dt { color: #555; } dd { margin: 0; font-variant-numeric: tabular-nums; }
    table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; }
    th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #e4e4e4; text-align: left; }
    th { background: #f3f3f3; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    tfoot td { font-weight: bold; border-top: 2px solid #999; }
    figure.chart { margin: 1em 0; }
    figure.chart svg { max-width: 100%; height: auto; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10pt; }
      section, table, figure { break-inside: avoid; }
      h2 { break-after: avoid; }
    }

    """
}

extension ReportTable {
  func html(currency: Currency, id: String) -> String {
    let numeric = columns.indices.map { index in
      rows.contains { index < $0.count && $0[index].isNumeric }
    }
    func cells(_ row: [ReportCell], tag: String) -> String {
      zip(row, numeric).map { cell, isNumber in
        "<\(tag)\(isNumber ? " class=\"n\"" : "")>\(MarkupText.escaped(cell.text(currency)))</\(tag)>"
      }.joined()
    }
    var out = "<table id=\"\(MarkupText.escaped(id))\">\n"
    if !title.isEmpty { out += "<caption>\(MarkupText.escaped(title))</caption>\n" }
    out += "<thead><tr>"
    for (column, isNumber) in zip(columns, numeric) {
      out += "<th\(isNumber ? " class=\"n\"" : "")>\(MarkupText.escaped(column.title))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in rows { out += "<tr>" + cells(row, tag: "td") + "</tr>\n" }
    out += "</tbody>\n"
    if let totals { out += "<tfoot><tr>" + cells(totals, tag: "td") + "</tr></tfoot>\n" }
    return out + "</table>\n"
  }
}
