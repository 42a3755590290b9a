/// How a view is printed: the one `--format` every command's view takes.
public enum ViewFormat: String, Sendable, CaseIterable {
  /// Aligned text tables, for people.
  case text
  /// One JSON document, with exact values.
  case json
  /// Comma-separated rows under a header, with the same fields as JSON.
  case csv
}
