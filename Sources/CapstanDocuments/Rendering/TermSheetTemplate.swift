import Mustache

/// A Mustache term-sheet template, checked strictly before it renders.
///
/// swift-mustache renders a missing variable as nothing, which on a term sheet is a silent
/// blank where a number should be. So before rendering, the template's tags are walked against
/// the context the way Mustache resolves them (the first name part up the section stack, the
/// rest inside it): a variable that resolves to nothing fails with its name and line. A
/// section over a missing name is simply not rendered, which is how a template makes a clause
/// optional (`{{#valuation_cap}}...{{/valuation_cap}}`). Rendering itself is swift-mustache's,
/// always as text (no HTML escaping: the writers escape for their own formats).
public struct TermSheetTemplate: Sendable {
  /// The template's name (a built-in name or the file's path), used in errors.
  public var name: String
  /// The template text.
  public var text: String
  let compiled: MustacheTemplate
  let nodes: [Node]

  /// A parsed section tree: what the checker walks.
  indirect enum Node: Sendable {
    case variable(String, line: Int)
    case section(String, line: Int, inverted: Bool, children: [Node])
  }

  /// Parses `text`; fails naming the line for invalid Mustache or features not supported.
  public init(name: String, text: String) throws(DocumentError) {
    self.name = name
    self.text = text
    let source = text.contains("CONTENT_TYPE") ? text : "{{% CONTENT_TYPE: TEXT}}" + text
    do {
      compiled = try MustacheTemplate(string: source)
    } catch let error as MustacheTemplate.ParserError {
      throw DocumentError.syntax(
        template: name, line: error.context.lineNumber,
        message: Self.describe(error.error) + " near: \(error.context.line.trimmingSpaces)")
    } catch {
      throw DocumentError.syntax(template: name, line: 1, message: "\(error)")
    }
    var stack: [(name: String, line: Int, inverted: Bool, children: [Node])] = [
      ("", 0, false, [])
    ]
    for tag in TemplateScanner.tags(text) {
      switch tag.kind {
      case .variable:
        stack[stack.count - 1].children.append(.variable(tag.name, line: tag.line))
      case .section, .inverted:
        stack.append((tag.name, tag.line, tag.kind == .inverted, []))
      case .close:
        guard stack.count > 1, let open = stack.popLast() else {
          throw DocumentError.syntax(
            template: name, line: tag.line, message: "{{/\(tag.name)}} closes no section")
        }
        stack[stack.count - 1].children.append(
          .section(open.name, line: open.line, inverted: open.inverted, children: open.children))
      case .ignored:
        break
      case .unsupported(let feature):
        throw DocumentError.unsupported(template: name, line: tag.line, feature: feature)
      }
    }
    guard stack.count == 1, let root = stack.first else {
      let open = stack[stack.count - 1]
      throw DocumentError.syntax(
        template: name, line: open.line, message: "{{#\(open.name)}} is never closed")
    }
    nodes = root.children
  }

  /// Every name the template refers to (variables and sections), without dotted paths' tails.
  public var names: Set<String> {
    var names: Set<String> = []
    func visit(_ nodes: [Node]) {
      for node in nodes {
        switch node {
        case .variable(let name, _):
          if let first = name.split(separator: ".").first { names.insert(String(first)) }
        case .section(let name, _, _, let children):
          if let first = name.split(separator: ".").first { names.insert(String(first)) }
          visit(children)
        }
      }
    }
    visit(nodes)
    return names
  }

  /// The names the template uses outside every section: what the deal must hold for it to
  /// render at all (a name used only inside a list's rows, such as `provider` in the
  /// round-level sheet's `token_investors`, is not one of them).
  public var topLevelNames: Set<String> {
    var names: Set<String> = []
    for case .variable(let name, _) in nodes {
      if let first = name.split(separator: ".").first { names.insert(String(first)) }
    }
    return names
  }

  /// The rendered Markdown; fails on the first variable the context lacks.
  public func render(_ context: TermSheetFields) throws(DocumentError) -> String {
    try check(nodes, stack: [.fields(context)])
    return compiled.render(context.mustacheObject)
  }

  /// Walks the nodes as rendering would, failing on a variable that resolves to nothing.
  func check(_ nodes: [Node], stack: [TermSheetValue]) throws(DocumentError) {
    for node in nodes {
      switch node {
      case .variable(let variable, let line):
        switch Self.resolve(variable, in: stack) {
        case nil:
          throw DocumentError.missingVariable(name: variable, template: name, line: line)
        case .list, .fields:
          throw DocumentError.notText(name: variable, template: name, line: line)
        case .text, .flag:
          break
        }
      case .section(let section, _, let inverted, let children):
        let value = Self.resolve(section, in: stack)
        if inverted {
          if !Self.isTruthy(value) { try check(children, stack: stack) }
          continue
        }
        switch value {
        case nil, .flag(false): break
        case .flag(true): try check(children, stack: stack)
        case .text: try check(children, stack: stack + [value ?? .flag(true)])
        case .fields: try check(children, stack: stack + [value ?? .flag(true)])
        case .list(let rows):
          for row in rows { try check(children, stack: stack + [.fields(row)]) }
        }
      }
    }
  }

  static func isTruthy(_ value: TermSheetValue?) -> Bool {
    switch value {
    case nil, .flag(false): false
    case .list(let rows): !rows.isEmpty
    default: true
    }
  }

  /// Mustache name resolution: `.` is the current value; the first part of a dotted name is
  /// looked up from the innermost section outwards, the rest inside what it found.
  static func resolve(_ name: String, in stack: [TermSheetValue]) -> TermSheetValue? {
    if name == "." { return stack.last }
    let parts = name.split(separator: ".").map(String.init)
    guard let first = parts.first else { return nil }
    var found: TermSheetValue?
    if name.hasPrefix(".") {
      if case .fields(let fields) = stack.last { found = fields[first] }
    } else {
      for frame in stack.reversed() {
        if case .fields(let fields) = frame, let value = fields[first] {
          found = value
          break
        }
      }
    }
    for part in parts.dropFirst() {
      guard case .fields(let fields) = found else { return nil }
      found = fields[part]
    }
    return found
  }

  static func describe(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect: return "a section is closed with a different name"
    case .unfinishedName: return "an unfinished tag name"
    case .expectedSectionEnd: return "a section is never closed"
    case .invalidSetDelimiter: return "an invalid delimiter change"
    case .invalidConfigVariableSyntax: return "an invalid {{% }} pragma"
    case .unrecognisedConfigVariable: return "an unknown {{% }} pragma"
    default: return "\(error)"
    }
  }
}
