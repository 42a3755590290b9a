/// A scenario file that cannot be used, with the file, line and key at fault.
public struct ScenarioError: Error, Equatable, CustomStringConvertible {
  /// The file.
  public var file: String
  /// The line (1-based), when known.
  public var line: Int?
  /// Where in the document: `safes[1].cap`.
  public var key: String
  /// What is wrong.
  public var message: String

  /// An error.
  public init(file: String, line: Int?, key: String, message: String) {
    self.file = file
    self.line = line
    self.key = key
    self.message = message
  }

  /// `scenario.yaml:12: safes[1].cap: cannot read '8x' ...`.
  public var description: String {
    let place = line.map { "\(file):\($0)" } ?? file
    return key.isEmpty ? "\(place): \(message)" : "\(place): \(key): \(message)"
  }
}
