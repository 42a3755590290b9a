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
  // A CSV reader works on bytes, not on Characters (a combining mark after the opening quote
  // joins it into one Character): unquote by UTF-8 bytes.
  let bytes = Array(field.utf8)
  var value = field
  if bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 {
    var inner: [UInt8] = []
    var index = 1
    while index < bytes.count - 1 {
      inner.append(bytes[index])
      index += bytes[index] == 0x22 ? 2 : 1
    }
    value = String(decoding: inner, as: UTF8.self)
  } else if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
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
