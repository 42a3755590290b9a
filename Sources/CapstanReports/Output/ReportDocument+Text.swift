import CapstanModel

extension ReportDocument {
  /// The report as text for a terminal: every line at most `width` (default 100) columns; a
  /// table too wide is split into parts that repeat its first column.
  public func text(width: Int = 100) -> String {
    var out = "\(title), as of \(asOf.iso)\n"
    for section in sections {
      out += "\n== \(section.title) ==\n"
      if !section.facts.isEmpty {
        let labelWidth = section.facts.map { $0.label.count }.max() ?? 0
        for fact in section.facts {
          let padding = String(repeating: " ", count: labelWidth - fact.label.count)
          out += ReportDocument.wrap(
            "\(fact.label):\(padding)  \(fact.value.text(currency))", width)
        }
      }
      for table in section.tables {
        out += "\n"
        if !table.title.isEmpty { out += ReportDocument.wrap(table.title, width) }
        out += table.text(currency: currency, width: width)
      }
      for note in section.notes { out += ReportDocument.wrap("Note: " + note, width) }
    }
    if let later = laterEntries { out += "\n" + ReportDocument.wrap(later.note, width) }
    return out
  }

  /// `line` folded at spaces so no line is longer than `width`, with a final newline.
  public static func wrap(_ line: String, _ width: Int) -> String {
    var out = ""
    var current = ""
    for word in line.split(separator: " ", omittingEmptySubsequences: false) {
      if !current.isEmpty, current.count + 1 + word.count > width {
        out += current + "\n"
        current = "  " + word
      } else {
        current += current.isEmpty ? String(word) : " " + word
      }
    }
    return out + current + "\n"
  }
}

extension ReportTable {
  /// Aligned columns two spaces apart; parts of at most `width` columns when too wide.
  func text(currency: Currency, width: Int) -> String {
    let header = columns.map(\.title)
    let body = rows.map { $0.map { $0.text(currency) } }
    let footer = totals.map { $0.map { $0.text(currency) } }
    let numeric = columns.indices.map { index in
      rows.contains { index < $0.count && $0[index].isNumeric }
        || (totals.map { index < $0.count && $0[index].isNumeric } ?? false)
    }
    var widths = header.map(\.count)
    for row in body + (footer.map { [$0] } ?? []) {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    // Parts: the first column, then as many more as fit.
    var parts: [[Int]] = []
    var current = [0]
    var used = widths.first ?? 0
    for index in widths.indices.dropFirst() {
      if used + 2 + widths[index] > width, current.count > 1 {
        parts.append(current)
        current = [0]
        used = widths[0]
      }
      current.append(index)
      used += 2 + widths[index]
    }
    parts.append(current)
    var out = ""
    for (number, part) in parts.enumerated() {
      if number > 0 { out += "\n" }
      func line(_ cells: [String]) -> String {
        var text = ""
        for (position, index) in part.enumerated() {
          let cell = index < cells.count ? cells[index] : ""
          let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
          if position > 0 { text += "  " }
          text += numeric[index] ? pad + cell : cell + pad
        }
        while text.hasSuffix(" ") { text.removeLast() }
        return text + "\n"
      }
      let rule =
        String(repeating: "-", count: part.map { widths[$0] }.reduce(0, +) + 2 * (part.count - 1))
        + "\n"
      out += line(header) + rule
      for row in body { out += line(row) }
      if let footer { out += rule + line(footer) }
    }
    return out
  }
}
