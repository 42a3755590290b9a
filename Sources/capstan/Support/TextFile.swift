import CapstanModel
import Foundation

/// Files a command reads or writes, refused naming the option when they cannot be.
enum TextFile {
  /// The text of the file at `path` (`field` names the option; `expected`, what it is).
  static func read(_ path: String, field: String, expected: String) throws -> String {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw InputError.invalid(field: field, input: path, expected: expected)
    }
    return text
  }

  /// Writes `text` to the file at `path`, replacing it at once.
  static func write(_ text: String, to path: String, field: String) throws {
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw InputError.invalid(field: field, input: path, expected: "a file that can be written")
    }
  }
}
