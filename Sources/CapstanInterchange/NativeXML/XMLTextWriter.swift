import CapstanModel
import Foundation

/// Writes XML text to a file (or memory) through a buffer, escaping attribute values.
struct XMLTextWriter {
  private var buffer: [UInt8] = []
  private let handle: FileHandle?
  private(set) var memory: [UInt8] = []

  /// A writer into `handle`, or into `memory` when nil.
  init(handle: FileHandle?) {
    self.handle = handle
    buffer.reserveCapacity(1 << 20)
  }

  mutating func raw(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  /// An element with attributes (nil values left out); `close` writes `/>`.
  mutating func element(
    _ name: String, _ attributes: KeyValuePairs<String, String?>, indent: Int, close: Bool = true
  ) throws(NativeXMLWriteError) {
    var line = String(repeating: "  ", count: indent) + "<" + name
    for (key, value) in attributes {
      guard let value else { continue }
      line += " " + key + "=\"" + (try Self.escape(value)) + "\""
    }
    line += close ? "/>\n" : ">\n"
    raw(line)
  }

  mutating func flush() {
    if let handle {
      handle.write(Data(buffer))
    } else {
      memory.append(contentsOf: buffer)
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// The value escaped for an attribute, keeping its line breaks and tabs.
  static func escape(_ value: String) throws(NativeXMLWriteError) -> String {
    guard let escaped = MarkupText.escapedAttributeKeepingWhitespace(value) else {
      throw .unrepresentable(value)
    }
    return escaped
  }
}

/// Why a ledger cannot be written as XML.
public enum NativeXMLWriteError: Error, Equatable, CustomStringConvertible {
  /// A text holds a control character XML 1.0 cannot carry.
  case unrepresentable(String)
  /// The output file cannot be written.
  case cannotWrite(path: String, reason: String)
  /// A compute grant names a token the workspace does not define.
  case unknownToken(symbol: String, sequence: Int)
  /// A valuation values a class the ledger does not have.
  case unknownValuationClass(shareClass: String, effective: String)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .unrepresentable(let text):
      return "'\(text)' holds a control character that XML cannot carry"
    case .unknownToken(let symbol, let sequence):
      return
        "transaction \(sequence) is a compute grant of \(symbol), a token the workspace does not define; nothing was written"
    case .unknownValuationClass(let shareClass, let effective):
      return
        "the valuation effective \(effective) values class '\(shareClass)', which the company does not have; nothing was written"
    case .cannotWrite(let path, let reason):
      return "cannot write \(path): \(reason)"
    }
  }
}
