import CapstanModel
import Foundation

/// Writes to standard output.
///
/// Control characters other than line feeds and tabs are written escaped (`\u{1B}`), so a name
/// holding an ANSI escape sequence cannot act on the terminal (`NameText`).
func emit(_ text: String) {
  // Escaped once, and printed as it is (the module's `print` would copy and escape it again).
  Swift.print(NameText.escapedKeepingLines(text), terminator: "")
}

/// Every line the CLI prints goes through here (it shadows `Swift.print` in this module), so
/// text from a workspace or an import file cannot act on the terminal: control characters
/// other than line feeds and tabs are written escaped (`NameText.escapedKeepingLines`).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  let text = items.map { "\($0)" }.joined(separator: separator)
  Swift.print(NameText.escapedKeepingLines(text), terminator: terminator)
}
