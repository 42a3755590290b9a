/// Why an XML document was refused, with the file and line where it happened.
public struct XMLReadError: Error, Equatable, CustomStringConvertible {
  /// The file (or the name given for bytes in memory), as the user named it.
  public var file: String
  /// The 1-based line, when known.
  public var line: Int?
  /// What is wrong, in a sentence.
  public var message: String

  /// An error.
  public init(file: String, line: Int?, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: message`.
  public var description: String {
    if let line { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }
}
