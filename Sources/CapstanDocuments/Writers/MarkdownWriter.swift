/// Writes a `TermSheetDocument` as Markdown: section numbers spelled out, text as it is.
///
/// User text is not escaped: Markdown output is for people and other Markdown tools, and a
/// name like `O'Brien & Co <Fund I>` should read as typed.
public enum MarkdownWriter {
  /// The document as Markdown, blocks separated by one blank line, ending in a newline.
  public static func markdown(_ document: TermSheetDocument) -> String {
    var parts: [String] = []
    parts.reserveCapacity(document.blocks.count)
    for block in document.blocks {
      switch block {
      case .heading(let heading):
        let number = heading.number.map { "\($0). " } ?? ""
        parts.append(
          String(repeating: "#", count: heading.level) + " " + number + text(heading.text))
      case .paragraph(let inlines):
        parts.append(text(inlines))
      case .bullets(let items):
        parts.append(items.map { "- " + text($0) }.joined(separator: "\n"))
      case .table(let table):
        var lines = ["| " + table.header.map(cell).joined(separator: " | ") + " |"]
        lines.append(
          "|"
            + table.alignments.map { alignment in
              switch alignment {
              case .left: "---"
              case .center: ":---:"
              case .right: "---:"
              }
            }.joined(separator: "|") + "|")
        for row in table.rows {
          lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
        }
        parts.append(lines.joined(separator: "\n"))
      }
    }
    return parts.joined(separator: "\n\n") + "\n"
  }

  /// Inline text with `**` and `*` for emphasis.
  static func text(_ inlines: [Inline]) -> String {
    var out = ""
    for inline in inlines {
      switch inline {
      case .text(let value): out += value
      case .bold(let inner): out += "**" + text(inner) + "**"
      case .italic(let inner): out += "*" + text(inner) + "*"
      }
    }
    return out
  }

  /// A table cell: a bar in the text would end the cell, so it is escaped.
  static func cell(_ inlines: [Inline]) -> String {
    text(inlines).replacingOccurrences(of: "|", with: "\\|")
  }
}
