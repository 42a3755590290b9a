import CapstanModel
import Foundation

/// libFuzzer entry: any text as a CSV cell. The field Capstan writes must read back (RFC 4180
/// unquoting) as the text itself, or as `'` + the text when it was defused; and a spreadsheet
/// must never see a formula: the field read back begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return only when it is a plain number.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let field = CSVCell.field(text)
  var value = field
  if field.hasPrefix("\""), field.hasSuffix("\""), field.count >= 2 {
    value = String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
  } else if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
    fatalError("unquoted field with a separator: \(field.debugDescription)")
  }
  guard value == text || value == "'" + text else {
    fatalError("\(text.debugDescription) reads back as \(value.debugDescription)")
  }
  if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
    !CSVCell.isPlainNumber(value)
  {
    fatalError("formula-like field \(field.debugDescription)")
  }
  return 0
}
