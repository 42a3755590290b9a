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
    // Lines as substrings without trailing blanks; all splitting and trimming on UTF-8 bytes
    // (Character-wise work was most of the time of a whole term sheet).
    let lines: [Substring] = markdown.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
      .map { bytes in
        var end = bytes.endIndex
        while end > bytes.startIndex {
          let previous = bytes.index(before: end)
          let byte = bytes[previous]
          guard byte == 0x20 || byte == 0x09 || byte == 0x0D else { break }
          end = previous
        }
        return Substring(bytes[bytes.startIndex..<end])
      }
    func leadingTrimmed(_ line: Substring) -> Substring {
      var start = line.utf8.startIndex
      while start < line.utf8.endIndex, line.utf8[start] == 0x20 {
        start = line.utf8.index(after: start)
      }
      return line[start...]
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
      let trimmed = leadingTrimmed(line)
      index += 1
      if trimmed.isEmpty {
        flush()
      } else if trimmed.utf8.first == UInt8(ascii: "#"),
        let (level, text) = heading(String(trimmed))
      {
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
        bullets[bullets.count - 1] += " " + String(trimmed)
      } else if trimmed.hasPrefix("|"), index < lines.count,
        let alignments = separatorRow(String(lines[index]))
      {
        flush()
        let header = cells(String(trimmed))
        index += 1
        var rows: [[[Inline]]] = []
        while index < lines.count, leadingTrimmed(lines[index]).hasPrefix("|") {
          var row = cells(String(leadingTrimmed(lines[index])))
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
    var current: [UInt8] = []
    var escaped = false
    for byte in line.utf8 {
      if escaped {
        if byte != UInt8(ascii: "|") { current.append(backslash) }
        current.append(byte)
        escaped = false
      } else if byte == backslash {
        escaped = true
      } else if byte == UInt8(ascii: "|") {
        cells.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
      } else {
        current.append(byte)
      }
    }
    if escaped { current.append(backslash) }
    cells.append(String(decoding: current, as: UTF8.self))
    if cells.first?.trimmingSpaces.isEmpty == true { cells.removeFirst() }
    if cells.last?.trimmingSpaces.isEmpty == true { cells.removeLast() }
    return cells.map(\.trimmingSpaces)
  }

  /// Inline text: `**bold**`, `*italic*`, `_italic_` (not inside a word) and `\` escapes.
  ///
  /// Works on UTF-8 bytes: every marker is ASCII, and a byte of a multi-byte character is never
  /// one, so text between markers is copied through untouched.
  public static func inlines(_ text: String) -> [Inline] {
    guard text.utf8.contains(where: { $0 == star || $0 == underscore || $0 == backslash }) else {
      return text.isEmpty ? [] : [.text(text)]
    }
    let bytes = Array(text.utf8)
    return parseInlines(bytes, bytes.startIndex..<bytes.endIndex)
  }

  static let star = UInt8(ascii: "*")
  static let underscore = UInt8(ascii: "_")
  static let backslash = UInt8(ascii: "\\")
  static let space = UInt8(ascii: " ")
  static let escapable: Set<UInt8> = Set("*_\\|#`".utf8)

  /// Letters, digits and any byte of a non-ASCII character count as "inside a word".
  static func isWordByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x61 && byte <= 0x7A)
  }

  static func parseInlines(_ bytes: [UInt8], _ range: Range<Int>) -> [Inline] {
    var result: [Inline] = []
    var plain: [UInt8] = []
    func emitPlain() {
      if !plain.isEmpty {
        result.append(.text(String(decoding: plain, as: UTF8.self)))
        plain.removeAll(keepingCapacity: true)
      }
    }
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      let next: UInt8? = index + 1 < range.upperBound ? bytes[index + 1] : nil
      if byte == backslash, let next, escapable.contains(next) {
        plain.append(next)
        index += 2
        continue
      }
      if byte == star, next == star,
        let close = closing(bold: true, star, bytes, from: index + 2, to: range.upperBound),
        close > index + 2
      {
        emitPlain()
        result.append(.bold(parseInlines(bytes, (index + 2)..<close)))
        index = close + 2
        continue
      }
      let before = index > range.lowerBound ? bytes[index - 1] : space
      if byte == star || (byte == underscore && !isWordByte(before)), let next, next != space,
        next != byte,
        let close = closing(bold: false, byte, bytes, from: index + 1, to: range.upperBound),
        close > index + 1
      {
        emitPlain()
        result.append(.italic(parseInlines(bytes, (index + 1)..<close)))
        index = close + 1
        continue
      }
      plain.append(byte)
      index += 1
    }
    emitPlain()
    return result
  }

  /// Where the closing marker (`**` when `bold`, else one `marker`) starts, skipping escapes;
  /// not after a space; a single `*` not part of `**`; `_` not followed by a word character;
  /// `***` closes an italic inside, then the bold.
  static func closing(bold: Bool, _ marker: UInt8, _ bytes: [UInt8], from start: Int, to end: Int)
    -> Int?
  {
    let width = bold ? 2 : 1
    var index = start
    while index + width <= end {
      let byte = bytes[index]
      if byte == backslash {
        index += 2
        continue
      }
      if byte == marker && (!bold || bytes[index + 1] == marker) && bytes[index - 1] != space {
        let after = index + width < end ? bytes[index + width] : space
        if marker == star && after == star {
          index += bold ? 1 : 2
          continue
        }
        if marker == underscore && isWordByte(after) {
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
    let utf8 = self.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 {
      start = utf8.index(after: start)
    }
    while end > start {
      let previous = utf8.index(before: end)
      guard utf8[previous] == 0x20 || utf8[previous] == 0x09 else { break }
      end = previous
    }
    return String(self[start..<end])
  }
}
