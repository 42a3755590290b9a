import CapstanModel

extension TextTable {
  /// The width text views fit in (the style's 100 columns).
  public static let pageWidth = 100

  /// The table with the last column's cells wrapped at spaces so every line fits in `width`
  /// columns: a long cell continues on rows of its own, the other cells left empty. The last
  /// column keeps at least `minimum` columns (a table whose other columns are wider than that
  /// leaves is wider than `width`); a word longer than the room is not cut.
  public func wrappingLastColumn(width: Int = pageWidth, minimum: Int = 24) -> TextTable {
    guard let last = columns.indices.last else { return self }
    var widths = columns.map { TextTable.width($0.title) }
    for row in rows + (footer.map { [$0] } ?? []) {
      for (index, cell) in row.enumerated() where index < last {
        widths[index] = max(widths[index], TextTable.width(cell))
      }
    }
    let others = widths.dropLast().reduce(0, +) + 2 * last
    let room = max(minimum, width - others)
    var wrapped = self
    wrapped.rows = []
    for row in rows {
      guard row.count == columns.count else {
        wrapped.rows.append(row)
        continue
      }
      let lines = Self.lines(row[last], room: room)
      wrapped.rows.append(Array(row.dropLast()) + [lines[0]])
      for line in lines.dropFirst() {
        wrapped.rows.append(Array(repeating: "", count: last) + [line])
      }
    }
    return wrapped
  }

  /// `text` cut at spaces into lines of at most `room` columns (a longer word on its own line).
  static func lines(_ text: String, room: Int) -> [String] {
    guard TextTable.width(text) > room else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if !current.isEmpty, TextTable.width(candidate) > room {
        lines.append(current)
        current = String(word)
      } else {
        current = candidate
      }
    }
    return lines + [current]
  }
}
