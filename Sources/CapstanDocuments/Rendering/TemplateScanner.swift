/// A Mustache tag found in a template, with its line.
struct TemplateTag: Sendable, Hashable {
  /// What the tag does.
  enum Kind: Sendable, Hashable {
    /// `{{name}}`, `{{{name}}}` or `{{&name}}`: prints a value.
    case variable
    /// `{{#name}}`: opens a section.
    case section
    /// `{{^name}}`: opens an inverted section.
    case inverted
    /// `{{/name}}`: closes a section.
    case close
    /// `{{! ...}}` or `{{% pragma}}`: nothing to resolve.
    case ignored
    /// Partials, blocks and delimiter changes, which term sheets do not use.
    case unsupported(String)
  }

  var kind: Kind
  /// The name as written, transforms removed (`uppercased(party)` gives `party`).
  var name: String
  /// 1-based line of the tag's opening braces.
  var line: Int
}

/// Finds the tags of a template (default `{{ }}` delimiters) with their line numbers.
enum TemplateScanner {
  static func tags(_ text: String) -> [TemplateTag] {
    var tags: [TemplateTag] = []
    let bytes = Array(text.utf8)
    var index = 0
    var line = 1
    let open = UInt8(ascii: "{")
    let close = UInt8(ascii: "}")
    let newline = UInt8(ascii: "\n")
    while index < bytes.count {
      let byte = bytes[index]
      if byte == newline {
        line += 1
        index += 1
        continue
      }
      guard byte == open, index + 1 < bytes.count, bytes[index + 1] == open else {
        index += 1
        continue
      }
      let tagLine = line
      var start = index + 2
      var triple = false
      if start < bytes.count, bytes[start] == open {
        triple = true
        start += 1
      }
      var end = start
      while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) {
        if bytes[end] == newline { line += 1 }
        end += 1
      }
      guard end + 1 < bytes.count else { break }  // unterminated: swift-mustache reports it
      let body = String(decoding: bytes[start..<end], as: UTF8.self).trimmingSpaces
      index = end + 2
      if triple, index < bytes.count, bytes[index] == close { index += 1 }
      tags.append(tag(body, triple: triple, line: tagLine))
    }
    return tags
  }

  static func tag(_ body: String, triple: Bool, line: Int) -> TemplateTag {
    if triple { return TemplateTag(kind: .variable, name: name(body), line: line) }
    guard let sigil = body.first else { return TemplateTag(kind: .variable, name: "", line: line) }
    let rest = String(body.dropFirst()).trimmingSpaces
    switch sigil {
    case "#": return TemplateTag(kind: .section, name: name(rest), line: line)
    case "^": return TemplateTag(kind: .inverted, name: name(rest), line: line)
    case "/": return TemplateTag(kind: .close, name: name(rest), line: line)
    case "&": return TemplateTag(kind: .variable, name: name(rest), line: line)
    case "!", "%": return TemplateTag(kind: .ignored, name: rest, line: line)
    case ">":
      return TemplateTag(kind: .unsupported("a partial ({{> name}})"), name: rest, line: line)
    case "<", "$":
      return TemplateTag(
        kind: .unsupported("template inheritance ({{< }}, {{$ }})"), name: rest, line: line)
    case "=":
      return TemplateTag(
        kind: .unsupported("changing delimiters ({{= =}})"), name: rest, line: line)
    default: return TemplateTag(kind: .variable, name: name(body), line: line)
    }
  }

  /// The variable inside transforms: `uppercased(party)` → `party`.
  static func name(_ text: String) -> String {
    var name = text
    while let open = name.firstIndex(of: "("), name.hasSuffix(")") {
      name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
    }
    return name.trimmingSpaces
  }
}
