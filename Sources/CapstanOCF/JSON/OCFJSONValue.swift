import CapstanModel
import Foundation

/// A parsed JSON value: the small tree the OCF decoder reads.
///
/// Foundation's `JSONDecoder` took about 4 s and 1 GB for a 73 MB package of 190,000 objects
/// here; this parser, `OCFJSONObject` (the common objects) and `OCFJSONDecoder` (the manifest
/// and the rarer objects, by their `Decodable` conformance) do the same in a fraction of that
/// (see BENCHMARKS.md). Numbers are kept as their text: OCF writes numbers
/// as strings, and the few JSON numbers it has (period lengths) are small integers.
///
/// Not `indirect`: arrays and member lists already live on the heap, and an indirect enum would
/// box every string and number of the tree as well.
enum OCFJSONValue: Sendable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([OCFJSONValue])
  case object([(key: String, value: OCFJSONValue)])

  /// What the value is, for messages.
  var kind: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// Why a JSON text could not be parsed: what was expected and the byte offset.
struct OCFJSONSyntaxError: Error, CustomStringConvertible {
  let offset: Int
  let expected: String

  var description: String { "\(expected) at byte \(offset)" }
}

/// A strict RFC 8259 parser over UTF-8 bytes, with a nesting limit.
struct OCFJSONParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0
  /// Long member names and enumeration values seen so far (see `shared`).
  private var names: [String] = []
  /// Deeper nesting than this is refused (no OCF object nests past about 8).
  static let maxDepth = 128

  /// Parses one JSON document.
  static func parse(_ data: Data) throws -> OCFJSONValue {
    try data.withUnsafeBytes { raw in
      let buffer = raw.bindMemory(to: UInt8.self)
      var parser = OCFJSONParser(bytes: buffer)
      parser.skipSpace()
      let value = try parser.value()
      parser.skipSpace()
      guard parser.index == buffer.count else { throw parser.fail("the end of the document") }
      return value
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private func fail(_ expected: String) -> OCFJSONSyntaxError {
    OCFJSONSyntaxError(offset: index, expected: expected)
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private mutating func value() throws -> OCFJSONValue {
    guard index < bytes.count else { throw fail("a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw fail("a value")
    }
  }

  private mutating func literal(_ word: StaticString, _ value: OCFJSONValue) throws
    -> OCFJSONValue
  {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw fail("'\(word)'") }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      throw fail("'\(word)'")
    }
    index += count
    return value
  }

  private mutating func enter() throws {
    depth += 1
    guard depth <= OCFJSONParser.maxDepth else {
      throw fail("at most \(OCFJSONParser.maxDepth) levels of nesting")
    }
  }

  private mutating func object() throws -> OCFJSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [(key: String, value: OCFJSONValue)] = []
    var seen: Set<String>?
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw fail("a quoted member name")
      }
      let keyOffset = index
      let key = try memberName()
      // A key given twice is ambiguous (JSONDecoder keeps the last one): refused.
      let repeated: Bool
      if members.count < 16 {
        repeated = members.contains(where: { $0.key == key })
      } else {
        if seen == nil { seen = Set(members.map(\.key)) }
        repeated = seen?.insert(key).inserted == false
      }
      if repeated {
        throw OCFJSONSyntaxError(
          offset: keyOffset,
          expected: "each member name once per object, but \"\(Limits.shown(key))\" is repeated")
      }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("':'") }
      index += 1
      skipSpace()
      members.append((key, try value()))
      skipSpace()
      guard index < bytes.count else { throw fail("',' or '}'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw fail("',' or '}'") }
      index += 1
      return .object(members)
    }
  }

  private mutating func array() throws -> OCFJSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var elements: [OCFJSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipSpace()
      elements.append(try value())
      skipSpace()
      guard index < bytes.count else { throw fail("',' or ']'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw fail("',' or ']'") }
      index += 1
      return .array(elements)
    }
  }

  private mutating func number() throws -> OCFJSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    func digits() -> Int {
      let from = index
      while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
      return index - from
    }
    guard digits() > 0 else { throw fail("a digit") }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw fail("a digit after '.'") }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard digits() > 0 else { throw fail("a digit in the exponent") }
    }
    return .number(
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
  }

  /// A member name: long plain ASCII names (`security_law_exemptions`) are allocated once and
  /// shared, since the same few names repeat in every object.
  private mutating func memberName() throws -> String {
    let start = index + 1
    var end = start
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: "\"") { break }
      if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return try string() }
      end += 1
    }
    // Up to 15 bytes a String is stored inline: nothing to share.
    guard end < bytes.count, end - start > 15 else { return try string() }
    let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
    index = end + 1
    return shared(text)
  }

  /// The string for these bytes, allocated once for the first 64 distinct ones.
  private mutating func shared(_ text: UnsafeBufferPointer<UInt8>) -> String {
    for known in names where known.utf8.count == text.count && known.utf8.elementsEqual(text) {
      return known
    }
    let name = String(decoding: text, as: UTF8.self)
    if names.count < 64 { names.append(name) }
    return name
  }

  private mutating func string() throws -> String {
    index += 1
    let start = index
    // Fast path: no escapes; ASCII needs no UTF-8 validation.
    var high: UInt8 = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        if high < 0x80 {
          // OCF's enumerations (`TX_EQUITY_COMPENSATION_ISSUANCE`) repeat in every object.
          if text.count > 15, text.allSatisfy({ (65...90).contains($0) || $0 == 95 }) {
            return shared(text)
          }
          return String(decoding: text, as: UTF8.self)
        }
        guard let string = String(validating: text, as: UTF8.self) else {
          throw OCFJSONSyntaxError(offset: start, expected: "UTF-8 text")
        }
        return string
      }
      if byte == UInt8(ascii: "\\") { break }
      guard byte >= 0x20 else { throw fail("no control characters in a string") }
      high |= byte
      index += 1
    }
    var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        guard let string = String(validating: out, as: UTF8.self) else {
          throw OCFJSONSyntaxError(offset: start, expected: "UTF-8 text")
        }
        return string
      }
      guard byte >= 0x20 else { throw fail("no control characters in a string") }
      guard byte == UInt8(ascii: "\\") else {
        out.append(byte)
        index += 1
        continue
      }
      index += 1
      guard index < bytes.count else { throw fail("an escape") }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
          guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
          else { throw fail("a low surrogate") }
          index += 2
          let low = try hex4()
          guard (0xDC00..<0xE000).contains(low) else { throw fail("a low surrogate") }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw fail("a Unicode scalar") }
        out.append(contentsOf: Array(String(Character(unicode)).utf8))
      default: throw fail("a valid escape")
      }
    }
    throw fail("a closing quote")
  }

  private mutating func hex4() throws -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("four hex digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case 48...57: digit = UInt32(byte - 48)
      case 65...70: digit = UInt32(byte - 55)
      case 97...102: digit = UInt32(byte - 87)
      default: throw fail("a hex digit")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }
}
