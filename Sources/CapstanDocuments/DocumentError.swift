/// Why a term sheet could not be rendered or written.
public enum DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The template names a variable the deal's context does not have.
  case missingVariable(name: String, template: String, line: Int)
  /// The template uses a name as plain text that holds a list or a group of fields.
  case notText(name: String, template: String, line: Int)
  /// The template is not valid Mustache.
  case syntax(template: String, line: Int, message: String)
  /// The template uses a Mustache feature Capstan does not support (partials, delimiters).
  case unsupported(template: String, line: Int, feature: String)
  /// No built-in template of that name and no such file.
  case unknownTemplate(name: String, known: [String])
  /// A `--set` key that is neither a settable field nor a variable of the template.
  case unknownSetting(key: String, known: [String])
  /// A `--set` key that names a number Capstan computes.
  case computedSetting(key: String)
  /// A `--set` argument that is not `key=value`.
  case malformedSetting(String)
  /// The deal does not have what the template needs (a SAFE for the SAFE template...).
  case dealMismatch(String)
  /// The .docx could not be written.
  case docx(String)

  /// What went wrong, for a person.
  public var description: String {
    switch self {
    case .missingVariable(let name, let template, let line):
      "template \(template), line \(line): the deal has no value for '\(name)' (a term sheet is never rendered with a blank: wrap the text in {{#\(name)}}...{{/\(name)}} to show it only when the deal has one; a field of your own takes its value from --set \(name)=...; docs/termsheets.md lists every field)"
    case .notText(let name, let template, let line):
      "template \(template), line \(line): '\(name)' is a list or a group of fields, not text; use it as a section, {{#\(name)}}...{{/\(name)}}"
    case .syntax(let template, let line, let message):
      "template \(template), line \(line): \(message)"
    case .unsupported(let template, let line, let feature):
      "template \(template), line \(line): \(feature) is not supported in term-sheet templates"
    case .unknownTemplate(let name, let known):
      "no template '\(name)': give a built-in name (\(known.joined(separator: ", "))) or the path of a .mustache file"
    case .unknownSetting(let key, let known):
      "--set \(key): not a field this template uses or that can be set (settable: \(known.joined(separator: ", ")))"
    case .computedSetting(let key):
      "--set \(key): '\(key)' is computed by Capstan from the deal and cannot be set by hand"
    case .malformedSetting(let text):
      "--set \(text): expected KEY=VALUE, e.g. --set governing_law=Delaware"
    case .dealMismatch(let message):
      message
    case .docx(let message):
      "could not write the .docx: \(message)"
    }
  }
}
