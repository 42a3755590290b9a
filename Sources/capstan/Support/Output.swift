import CapstanModel
import Foundation

/// Writes to standard output.
///
/// Control characters other than line feeds and tabs are written escaped (`\u{1B}`), so a name
/// holding an ANSI escape sequence cannot act on the terminal (`NameText`).
func emit(_ text: String) {
  // Escaped once, and written as it is (the module's `print` would copy and escape it again).
  StandardOutput.write(NameText.escapedKeepingLines(text))
}

/// Every line the CLI prints goes through here (it shadows `Swift.print` in this module), so
/// text from a workspace or an import file cannot act on the terminal: control characters
/// other than line feeds and tabs are written escaped (`NameText.escapedKeepingLines`).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  let text = items.count == 1 ? "\(items[0])" : items.map { "\($0)" }.joined(separator: separator)
  StandardOutput.write(NameText.escapedKeepingLines(text) + terminator)
}

/// Standard output as the CLI writes it: through C's `stdout` (so the order with anything else
/// written there, `Swift.print` included, is kept, and it is flushed at exit), each text in one
/// call; a large text (a sweep, a CSV) is written with one `write(2)` after what `stdout` still
/// holds, instead of passing through its buffer a few kilobytes at a time.
enum StandardOutput {
  /// From this size on, a text is written directly.
  static let directSize = 1 << 16

  /// Writes `text`'s UTF-8 bytes.
  static func write(_ text: String) {
    // Small texts: one locked `fwrite` into `stdout`'s buffer (what `Swift.print` does).
    guard text.utf8.count >= directSize else { return Swift.print(text, terminator: "") }
    var text = text
    text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      fflush(nil)  // what `stdout` holds goes first
      var offset = 0
      while offset < bytes.count {
        let written = Foundation.write(1, base + offset, bytes.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0 && errno == EINTR {
          continue
        } else {
          return  // a closed pipe or a full disk: nothing more can be written
        }
      }
    }
  }
}
