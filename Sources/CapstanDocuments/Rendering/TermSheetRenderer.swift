import Foundation

/// The output formats of a term sheet.
public enum TermSheetOutputFormat: String, Sendable, Hashable, CaseIterable {
  /// Markdown.
  case markdown = "md"
  /// One self-contained HTML file.
  case html
  /// Word .docx.
  case docx

  /// The file extension.
  public var fileExtension: String { rawValue }
}

/// One pipeline for every format: template → Markdown → document tree → the format.
public enum TermSheetRenderer {
  /// The document tree of `template` rendered with `context` (strictly: a missing variable
  /// fails naming it and its line).
  public static func document(_ template: TermSheetTemplate, _ context: TermSheetFields)
    throws(DocumentError) -> TermSheetDocument
  {
    MarkdownReader.document(try template.render(context))
  }

  /// The bytes of `document` in `format`.
  public static func write(_ document: TermSheetDocument, as format: TermSheetOutputFormat)
    throws(DocumentError) -> Data
  {
    switch format {
    case .markdown: Data(MarkdownWriter.markdown(document).utf8)
    case .html: Data(HTMLWriter.html(document).utf8)
    case .docx: try DocxWriter.docx(document)
    }
  }
}
