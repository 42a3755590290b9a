/// `text` after `indent`, folded at spaces to 100 columns, continued 2 spaces further in, with
/// a final line break (the import reports' lines).
func fold(_ indent: String, _ text: String) -> String {
  var out = ""
  var current = indent
  let continuation = String(repeating: " ", count: indent.count + 2)
  for word in text.split(separator: " ") {
    if current.count > continuation.count, current.count + 1 + word.count > 100 {
      out += current + "\n"
      current = continuation + word
    } else {
      current += (current == indent || current == continuation ? "" : " ") + word
    }
  }
  return out + current + "\n"
}
