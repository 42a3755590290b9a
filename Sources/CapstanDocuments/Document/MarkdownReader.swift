/// Parses the Markdown a term-sheet template renders into a `TermSheetDocument`.
///
/// The subset is what term sheets need and nothing more: `#`, `##`, `###` headings (level-2
/// headings are numbered sections, numbered here in order), paragraphs, `-` or `*` bullet
/// lists, pipe tables with a separator row under the header, and inline `**bold**`,
/// `*italic*` or `_italic_` with `\` escapes. Anything else is paragraph text, so a
/// template cannot produce something a writer does not know.
public enum MarkdownReader {
  /// The document tree of `markdown`.
  public static func document(_ markdown: String) -> TermSheetDocument {
    var blocks: [Block] = []
    var paragraph: [String] = []
    var bullets: [String] = []
    var section = 0
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }

    func flush() {
      if !paragraph.isEmpty {
        blocks.append(.paragraph(inlines(paragraph.joined(separator: " "))))
        paragraph = []
      }
      if !bullets.isEmpty {
        blocks.append(.bullets(bullets.map(inlines)))
        bullets = []
      }
    }

    var index = 0
    while index < lines.count {
      let line = lines[index]
      let trimmed = line.drop(while: { $0 == " " })
      index += 1
      if trimmed.isEmpty {
        flush()
      } else if let (level, text) = heading(String(trimmed)) {
        flush()
        var number: Int?
        if level == 2 {
          section += 1
          number = section
        }
        blocks.append(.heading(Heading(level: level, number: number, text: inlines(text))))
      } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
        if !paragraph.isEmpty { flush() }
        bullets.append(String(trimmed.dropFirst(2)))
      } else if !bullets.isEmpty && line.hasPrefix("  ") {
        bullets[bullets.count - 1] += " " + trimmed
      } else if trimmed.hasPrefix("|"), index < lines.count,
        let alignments = separatorRow(lines[index])
      {
        flush()
        let header = cells(String(trimmed))
        index += 1
        var rows: [[[Inline]]] = []
        while index < lines.count, lines[index].drop(while: { $0 == " " }).hasPrefix("|") {
          var row = cells(String(lines[index].drop(while: { $0 == " " })))
          row += Array(repeating: "", count: max(0, header.count - row.count))
          rows.append(row.prefix(header.count).map(inlines))
          index += 1
        }
        var columns = alignments
        columns += Array(repeating: .left, count: max(0, header.count - columns.count))
        blocks.append(
          .table(
            DocumentTable(
              header: header.map(inlines), alignments: Array(columns.prefix(header.count)),
              rows: rows)))
      } else if trimmed.allSatisfy({ $0 == "-" }) && trimmed.count >= 3 {
        flush()  // a thematic break: the writers separate blocks themselves
      } else {
        if !bullets.isEmpty { flush() }
        paragraph.append(String(trimmed))
      }
    }
    flush()
    return TermSheetDocument(blocks: blocks)
  }

  /// `(level, text)` for an ATX heading line.
  static func heading(_ line: String) -> (Int, String)? {
    let hashes = line.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    var text = line.dropFirst(hashes + 1)
    while text.hasSuffix("#") || text.hasSuffix(" ") { text = text.dropLast() }
    return (min(hashes, 3), String(text))
  }

  /// The alignments of a `|---|:--:|---:|` row, or nil when the line is not one.
  static func separatorRow(_ line: String) -> [DocumentTable.Alignment]? {
    let trimmed = line.drop(while: { $0 == " " })
    guard trimmed.hasPrefix("|") else { return nil }
    let parts = cells(String(trimmed))
    guard !parts.isEmpty else { return nil }
    var alignments: [DocumentTable.Alignment] = []
    for part in parts {
      let cell = part.trimmingSpaces
      guard !cell.isEmpty, cell.allSatisfy({ $0 == "-" || $0 == ":" }), cell.contains("-") else {
        return nil
      }
      switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
      case (true, true): alignments.append(.center)
      case (false, true): alignments.append(.right)
      default: alignments.append(.left)
      }
    }
    return alignments
  }

  /// The cells of a pipe-table row, trimmed; `\|` is a literal bar.
  static func cells(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in line {
      if escaped {
        current += character == "|" ? "|" : "\\" + String(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current += "\\" }
    cells.append(current)
    if cells.first?.trimmingSpaces.isEmpty == true { cells.removeFirst() }
    if cells.last?.trimmingSpaces.isEmpty == true { cells.removeLast() }
    return cells.map(\.trimmingSpaces)
  }

  /// Inline text: `**bold**`, `*italic*`, `_italic_` (not inside a word) and `\` escapes.
  public static func inlines(_ text: String) -> [Inline] {
    parseInlines(Array(text)[...])
  }

  static func parseInlines(_ characters: ArraySlice<Character>) -> [Inline] {
    var result: [Inline] = []
    var plain = ""
    var index = characters.startIndex
    func emitPlain() {
      if !plain.isEmpty {
        result.append(.text(plain))
        plain = ""
      }
    }
    while index < characters.endIndex {
      let character = characters[index]
      let next = index + 1 < characters.endIndex ? characters[index + 1] : nil
      if character == "\\", let next, "*_\\|#`".contains(next) {
        plain.append(next)
        index += 2
        continue
      }
      if character == "*", next == "*",
        let close = closing("**", in: characters, from: index + 2), close > index + 2
      {
        emitPlain()
        result.append(.bold(parseInlines(characters[(index + 2)..<close])))
        index = close + 2
        continue
      }
      let before = index > characters.startIndex ? characters[index - 1] : " "
      if character == "*" || (character == "_" && !before.isLetter && !before.isNumber),
        let next, next != " ", next != character,
        let close = closing(String(character), in: characters, from: index + 1), close > index + 1
      {
        emitPlain()
        result.append(.italic(parseInlines(characters[(index + 1)..<close])))
        index = close + 1
        continue
      }
      plain.append(character)
      index += 1
    }
    emitPlain()
    return result
  }

  /// Where the closing `marker` starts, skipping escapes; for `*` not a `**`, for `_` not
  /// followed by a letter.
  static func closing(_ marker: String, in characters: ArraySlice<Character>, from start: Int)
    -> Int?
  {
    let mark = Array(marker)
    var index = start
    while index + mark.count <= characters.endIndex {
      if characters[index] == "\\" {
        index += 2
        continue
      }
      if Array(characters[index..<(index + mark.count)]) == mark, characters[index - 1] != " " {
        let after = index + mark.count < characters.endIndex ? characters[index + mark.count] : " "
        if marker == "*" && after == "*" {
          index += 2
          continue
        }
        if marker == "**" && after == "*" {
          index += 1  // `***` closes an italic inside, then the bold
          continue
        }
        if marker == "_" && (after.isLetter || after.isNumber) {
          index += 1
          continue
        }
        return index
      }
      index += 1
    }
    return nil
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(self.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
