/// A rendered term sheet as a small tree: what the Markdown, HTML and .docx writers share.
///
/// The template renders to Markdown; `MarkdownReader` parses that into this tree, and each
/// writer works from the tree alone, so the three formats never disagree.
public struct TermSheetDocument: Sendable, Hashable {
  /// The blocks in order.
  public var blocks: [Block]

  /// A document.
  public init(blocks: [Block]) {
    self.blocks = blocks
  }

  /// The first level-1 heading's text, or "Term sheet".
  public var title: String {
    for case .heading(let heading) in blocks where heading.level == 1 {
      return heading.text.plainText
    }
    return "Term sheet"
  }
}

/// One block of a document.
public enum Block: Sendable, Hashable {
  /// A heading; level-2 headings are the numbered sections.
  case heading(Heading)
  /// A paragraph of inline text.
  case paragraph([Inline])
  /// A bulleted list, one item of inline text each.
  case bullets([[Inline]])
  /// A table with a header row.
  case table(DocumentTable)
}

/// A heading: level 1 is the title, level 2 a numbered section, level 3 a subheading.
public struct Heading: Sendable, Hashable {
  /// 1, 2 or 3.
  public var level: Int
  /// The section number (level-2 headings only, counted from 1 in document order).
  public var number: Int?
  /// The heading's text.
  public var text: [Inline]

  /// A heading.
  public init(level: Int, number: Int? = nil, text: [Inline]) {
    self.level = level
    self.number = number
    self.text = text
  }
}

/// Inline text with emphasis.
public enum Inline: Sendable, Hashable {
  /// Plain text.
  case text(String)
  /// Bold text.
  case bold([Inline])
  /// Italic text.
  case italic([Inline])
}

/// A table: a header row, column alignments and body rows of inline cells.
public struct DocumentTable: Sendable, Hashable {
  /// How a column's cells are aligned.
  public enum Alignment: Sendable, Hashable {
    /// Left (the default).
    case left
    /// Centred.
    case center
    /// Right (numbers).
    case right
  }

  /// The header cells.
  public var header: [[Inline]]
  /// One alignment per column.
  public var alignments: [Alignment]
  /// Body rows, each as wide as the header.
  public var rows: [[[Inline]]]

  /// A table.
  public init(header: [[Inline]], alignments: [Alignment], rows: [[[Inline]]]) {
    self.header = header
    self.alignments = alignments
    self.rows = rows
  }
}

extension Array where Element == Inline {
  /// The text without emphasis.
  public var plainText: String {
    var out = ""
    for inline in self {
      switch inline {
      case .text(let text): out += text
      case .bold(let inner), .italic(let inner): out += inner.plainText
      }
    }
    return out
  }
}

extension TermSheetDocument {
  /// The document's text, one line per paragraph, heading, list item or table row (cells
  /// joined by tabs), section numbers included: what every format must show.
  public var plainTextLines: [String] {
    var lines: [String] = []
    for block in blocks {
      switch block {
      case .heading(let heading):
        let number = heading.number.map { "\($0). " } ?? ""
        lines.append(number + heading.text.plainText)
      case .paragraph(let inlines): lines.append(inlines.plainText)
      case .bullets(let items): lines += items.map(\.plainText)
      case .table(let table):
        lines.append(table.header.map(\.plainText).joined(separator: "\t"))
        lines += table.rows.map { $0.map(\.plainText).joined(separator: "\t") }
      }
    }
    return lines
  }
}
