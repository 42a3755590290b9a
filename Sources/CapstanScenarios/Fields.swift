import CapstanModel
import Yams

/// A YAML mapping being read: typed access to its keys, each error naming file, line and key,
/// and a check that no key is unknown.
struct Fields {
  let mapping: Node.Mapping
  let path: String
  let file: String
  let line: Int?

  /// Reads `node` as a mapping whose keys must all be in `allowed`.
  init(_ node: Node, path: String, file: String, allowed: [String]) throws(ScenarioError) {
    self.path = path
    self.file = file
    self.line = node.mark?.line
    guard case .mapping(let mapping) = node else {
      throw ScenarioError(
        file: file, line: node.mark?.line, key: path, message: "expected a mapping of keys")
    }
    self.mapping = mapping
    for (key, _) in mapping {
      guard let name = key.scalar?.string, allowed.contains(name) else {
        throw ScenarioError(
          file: file, line: key.mark?.line, key: path,
          message:
            "unknown key '\(key.scalar?.string ?? "?")' (expected one of: \(allowed.joined(separator: ", ")))"
        )
      }
    }
  }

  func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

  func node(_ name: String) -> Node? { mapping[Node(name)] }

  func error(_ name: String, _ message: String, at node: Node? = nil) -> ScenarioError {
    ScenarioError(
      file: file, line: (node ?? self.node(name))?.mark?.line ?? line, key: key(name),
      message: message)
  }

  /// A scalar as text, or nil when absent.
  func text(_ name: String) throws(ScenarioError) -> String? {
    guard let node = node(name) else { return nil }
    guard let scalar = node.scalar else {
      throw error(name, "expected a single value, not a list or mapping")
    }
    return scalar.string
  }

  func required(_ name: String) throws(ScenarioError) -> String {
    guard let value = try text(name) else { throw error(name, "is required") }
    return value
  }

  /// Applies a parser to a scalar, turning its error into one with the line.
  func parse<T>(_ name: String, _ parser: (String) throws -> T) throws(ScenarioError) -> T? {
    guard let value = try text(name) else { return nil }
    do {
      return try parser(value)
    } catch let failure as InputError {
      if case .invalid(_, let input, let expected) = failure {
        throw error(name, "cannot read '\(input)': expected \(expected)")
      }
      throw error(name, failure.description)
    } catch {
      throw self.error(name, "\(error)")
    }
  }

  func amount(_ name: String) throws(ScenarioError) -> Ratio? {
    try parse(name) { try AmountParser.amount($0) }
  }
  func shares(_ name: String) throws(ScenarioError) -> Shares? {
    try parse(name) { try AmountParser.shares($0) }
  }
  func percentage(_ name: String) throws(ScenarioError) -> Ratio? {
    try parse(name) { try AmountParser.percentage($0) }
  }
  func date(_ name: String) throws(ScenarioError) -> CalendarDate? {
    try parse(name) { try AmountParser.date($0) }
  }

  func bool(_ name: String) throws(ScenarioError) -> Bool? {
    guard let value = try text(name) else { return nil }
    switch value.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default: throw error(name, "expected true or false, got '\(value)'")
    }
  }

  /// A list under `name` (empty when absent).
  func list(_ name: String) throws(ScenarioError) -> [Node] {
    guard let node = node(name) else { return [] }
    guard case .sequence(let sequence) = node else { throw error(name, "expected a list") }
    return Array(sequence)
  }

  /// A choice among fixed words.
  func choice<T>(_ name: String, _ options: [String: T]) throws(ScenarioError) -> T? {
    guard let value = try text(name) else { return nil }
    guard let chosen = options[value.lowercased()] else {
      throw error(
        name, "expected one of \(options.keys.sorted().joined(separator: ", ")), got '\(value)'")
    }
    return chosen
  }
}
