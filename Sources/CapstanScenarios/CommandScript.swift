import CapstanModel
import Foundation

/// A script of `capstan` command lines (`Fixtures/demo/acme-ai.capstan`): one command a line,
/// blank lines and `#` comments skipped, words split as a shell splits them with quotes.
public struct CommandScript: Sendable, Equatable {
  /// One command of the script.
  public struct Command: Sendable, Equatable {
    /// The line's number in the file, from 1.
    public var line: Int
    /// The line as written, trimmed.
    public var text: String
    /// Its words (the command line without `capstan`).
    public var words: [String]
  }

  /// The commands, in order.
  public var commands: [Command]

  /// Reads `text`; a line with an unbalanced quote is an error naming `file` and the line.
  public init(_ text: String, file: String) throws(InputError) {
    commands = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let words = Self.words(trimmed) else {
        throw .invalid(field: "\(file):\(index + 1)", input: trimmed, expected: "balanced quotes")
      }
      commands.append(Command(line: index + 1, text: trimmed, words: words))
    }
  }

  /// The words of one command line, honouring double and single quotes; nil when a quote is
  /// left open.
  public static func words(_ line: String) -> [String]? {
    var words: [String] = []
    var current = ""
    var quote: Character?
    var inWord = false
    for character in line {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "\"" || character == "'" {
        quote = character
        inWord = true
      } else if character == " " || character == "\t" {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    guard quote == nil else { return nil }
    if inWord { words.append(current) }
    return words
  }
}
