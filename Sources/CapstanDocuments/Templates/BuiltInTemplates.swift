import Foundation

/// The term-sheet templates that ship with Capstan, and loading a template by name or path.
///
/// The templates live in `Templates/*.mustache` at the repository root and are embedded in the
/// binary by `scripts/embed-templates` (`make templates`), so they are found on a fresh clone and
/// wherever the binary is installed; a test keeps the two in step.
public enum BuiltInTemplates {
  /// A built-in template's name and one-line description.
  public struct Entry: Sendable, Hashable {
    /// The name (`priced-round`).
    public var name: String
    /// The description, from the template's first `{{! ... }}` comment.
    public var summary: String
    /// The template text.
    public var text: String
  }

  /// Every built-in template, by name.
  public static var all: [Entry] {
    texts.map { Entry(name: $0.name, summary: summary(of: $0.text), text: $0.text + "\n") }
      .sorted { $0.name < $1.name }
  }

  /// The built-in template named `name`, if any.
  public static func named(_ name: String) -> Entry? {
    all.first { $0.name == name }
  }

  /// A template by built-in name, or else by file path.
  public static func load(_ nameOrPath: String) throws(DocumentError) -> TermSheetTemplate {
    if let entry = named(nameOrPath) {
      return try TermSheetTemplate(name: entry.name, text: entry.text)
    }
    let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".mustache")
    guard looksLikePath || FileManager.default.fileExists(atPath: nameOrPath) else {
      throw DocumentError.unknownTemplate(name: nameOrPath, known: all.map(\.name))
    }
    guard let data = FileManager.default.contents(atPath: nameOrPath) else {
      throw DocumentError.unknownTemplate(name: nameOrPath, known: all.map(\.name))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw DocumentError.syntax(template: nameOrPath, line: 1, message: "the file is not UTF-8")
    }
    return try TermSheetTemplate(name: nameOrPath, text: text)
  }

  /// The first `{{! ... }}` comment's text.
  static func summary(of text: String) -> String {
    guard let open = text.range(of: "{{!"),
      let close = text.range(of: "}}", range: open.upperBound..<text.endIndex)
    else { return "" }
    return String(text[open.upperBound..<close.lowerBound]).trimmingSpaces
  }
}
