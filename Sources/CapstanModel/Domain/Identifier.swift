/// A typed identifier: an id of one kind of thing cannot be passed where another is expected.
public struct Identifier<Tag>: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The id as stored and exchanged.
  public let rawValue: String
  /// FNV-1a of the text, computed once: replay hashes ids hundreds of thousands of times.
  private let digest: UInt64

  /// An id from its stored text.
  public init(_ rawValue: String) {
    self.rawValue = rawValue
    // Hashed over the bytes in place: iterating `utf8` checks each step for the string's
    // representation, several times the work of the hash itself.
    var text = rawValue
    digest = text.withUTF8 { bytes in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return hash
    }
  }

  /// An id from a literal.
  public init(stringLiteral value: String) { self.init(value) }

  /// Equal when the texts are equal.
  public static func == (lhs: Identifier, rhs: Identifier) -> Bool {
    lhs.digest == rhs.digest && lhs.rawValue == rhs.rawValue
  }

  /// Hashes the precomputed digest.
  public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

  /// The digest mixed with the table's seed (SplitMix64's finalizer), skipping SipHash.
  ///
  /// Dictionaries and sets call this instead of `hash(into:)`; the standard library's own
  /// integer types implement it the same way for speed. Replay looks ids up about ten times
  /// per transaction, and SipHash was a third of its time.
  public func _rawHashValue(seed: Int) -> Int {
    var z = digest ^ UInt64(truncatingIfNeeded: seed)
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return Int(truncatingIfNeeded: z ^ (z >> 31))
  }

  /// The id.
  public var description: String { rawValue }

  /// Orders by text.
  public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Encodes as a bare string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// Decodes from a bare string.
  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }
}

/// Tag for the ids of securities (stock certificates, option grants): `CS-1`, `OP-3`.
public enum SecurityTag {}
/// The id of a security: human-readable, unique within a company, never reused.
public typealias SecurityID = Identifier<SecurityTag>
