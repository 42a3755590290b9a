import BigInt
import Foundation

/// Why a stored snapshot's state cannot be read: replay then starts from the first
/// transaction (a stored snapshot is only a cache).
enum SnapshotStateError: Error, Equatable, CustomStringConvertible {
  /// The state was written in another format (`ReplayState.binaryFormat`).
  case format(found: Int)
  /// The state ends before its last field.
  case truncated(at: Int)
  /// The trailing checksum does not match the bytes before it.
  case checksum
  /// A field holds a value no encoder writes.
  case corrupt(String, at: Int)

  /// The fact, for a log line.
  var description: String {
    switch self {
    case .format(let found):
      "snapshot state format \(found), expected \(ReplayState.binaryFormat)"
    case .truncated(let offset): "snapshot state truncated at byte \(offset)"
    case .checksum: "snapshot state checksum does not match"
    case .corrupt(let what, let offset): "snapshot state: \(what) at byte \(offset)"
    }
  }
}

/// Appends the fields of a binary snapshot state: varints, zigzag varints, strings with their
/// length, exact ratios.
struct SnapshotWriter {
  /// The bytes so far.
  private(set) var bytes: [UInt8] = []

  /// Appends one byte.
  mutating func byte(_ value: UInt8) { bytes.append(value) }

  /// Appends an unsigned LEB128 varint.
  mutating func varint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Appends a count or an index.
  mutating func count(_ value: Int) { varint(UInt64(value)) }

  /// Appends a signed integer, zigzag encoded (small magnitudes take few bytes).
  mutating func signed(_ value: Int64) {
    varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }

  /// Appends another writer's bytes as they are.
  mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  /// Appends raw bytes after their count.
  mutating func data(_ value: some Collection<UInt8>) {
    count(value.count)
    bytes.append(contentsOf: value)
  }

  /// Appends a string's UTF-8 after its length.
  mutating func string(_ value: String) { data(value.utf8) }

  /// Appends a date as its year, month and day packed in one varint.
  mutating func date(_ value: CalendarDate) {
    varint(UInt64(value.year << 9 | value.month << 5 | value.day))
  }

  /// Appends an optional date: 0 for nil, else the packed date (never 0).
  mutating func date(_ value: CalendarDate?) {
    guard let value else { return varint(0) }
    date(value)
  }

  /// Appends shares as a zigzag varint.
  mutating func shares(_ value: Shares) { signed(value.count) }

  /// Appends an exact ratio: tag 0 and the integer, tag 1 and a 64-bit fraction, or tag 2 and
  /// the BigInt numerator and denominator as sign-and-magnitude bytes.
  mutating func ratio(_ value: Ratio) {
    switch value.storage {
    case .small(let numerator, 1):
      byte(0)
      signed(numerator)
    case .small(let numerator, let denominator):
      byte(1)
      signed(numerator)
      signed(denominator)
    case .big(let big):
      byte(2)
      data(big.numerator.serialize())
      data(big.denominator.serialize())
    }
  }

  /// Appends the checksum of every byte so far (8 bytes, little-endian).
  mutating func seal() {
    let sum = SnapshotWriter.checksum(bytes[...])
    withUnsafeBytes(of: sum.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// A fast 64-bit checksum of `bytes`, eight at a time (not a defence against forgery: it
  /// catches a truncated or damaged row).
  static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    bytes.withUnsafeBytes { buffer in
      var hash: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(buffer.count)
      var offset = 0
      while offset + 8 <= buffer.count {
        let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        hash = (hash ^ word) &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 29
        offset += 8
      }
      while offset < buffer.count {
        hash = (hash ^ UInt64(buffer[offset])) &* 0x0000_0100_0000_01b3
        offset += 1
      }
      return hash ^ (hash >> 32)
    }
  }
}

/// Reads what `SnapshotWriter` wrote, checking every length and value against the bytes left.
struct SnapshotReader {
  private let bytes: [UInt8]
  /// The next byte to read.
  private(set) var offset: Int
  private let end: Int

  /// A reader of `data` whose last 8 bytes are the checksum of the rest.
  init(sealed data: Data) throws(SnapshotStateError) {
    let bytes = [UInt8](data)
    guard bytes.count >= 9 else { throw .truncated(at: bytes.count) }
    let end = bytes.count - 8
    var stored: UInt64 = 0
    for index in (end..<bytes.count).reversed() { stored = stored << 8 | UInt64(bytes[index]) }
    guard SnapshotWriter.checksum(bytes[..<end]) == stored else { throw .checksum }
    self.bytes = bytes
    self.offset = 0
    self.end = end
  }

  /// Whether every byte before the checksum was read.
  var isAtEnd: Bool { offset == end }

  /// The next byte.
  mutating func byte() throws(SnapshotStateError) -> UInt8 {
    guard offset < end else { throw .truncated(at: offset) }
    defer { offset += 1 }
    return bytes[offset]
  }

  /// The next unsigned varint.
  mutating func varint() throws(SnapshotStateError) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      guard shift < 64 else { throw .corrupt("a varint longer than 64 bits", at: offset) }
      value |= UInt64(next & 0x7f) << shift
      if next < 0x80 { return value }
      shift += 7
    }
  }

  /// The next count (never more than the bytes left: every counted item takes one at least).
  mutating func count() throws(SnapshotStateError) -> Int {
    let value = try varint()
    guard value <= UInt64(end - offset) else {
      throw .corrupt("count \(value) beyond the bytes left", at: offset)
    }
    return Int(value)
  }

  /// The next index into a table of `count` values.
  mutating func index(below count: Int) throws(SnapshotStateError) -> Int {
    let value = try varint()
    guard value < UInt64(count) else {
      throw .corrupt("index \(value) in a table of \(count)", at: offset)
    }
    return Int(value)
  }

  /// The next zigzag-encoded signed integer.
  mutating func signed() throws(SnapshotStateError) -> Int64 {
    let raw = try varint()
    return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
  }

  /// The next counted bytes.
  mutating func data() throws(SnapshotStateError) -> ArraySlice<UInt8> {
    let length = try count()
    defer { offset += length }
    return bytes[offset..<(offset + length)]
  }

  /// The next string.
  mutating func string() throws(SnapshotStateError) -> String {
    let length = try count()
    defer { offset += length }
    return bytes.withUnsafeBufferPointer { buffer in
      String(decoding: buffer[offset..<(offset + length)], as: UTF8.self)
    }
  }

  /// The next date.
  mutating func date() throws(SnapshotStateError) -> CalendarDate {
    guard let date = try optionalDate() else { throw .corrupt("date 0", at: offset) }
    return date
  }

  /// The next optional date (0: nil).
  mutating func optionalDate() throws(SnapshotStateError) -> CalendarDate? {
    let packed = try varint()
    if packed == 0 { return nil }
    guard packed < 1 << 23,
      let date = CalendarDate(
        year: Int(packed >> 9), month: Int((packed >> 5) & 0xf), day: Int(packed & 0x1f))
    else { throw .corrupt("no such date \(packed)", at: offset) }
    return date
  }

  /// The next shares.
  mutating func shares() throws(SnapshotStateError) -> Shares { Shares(try signed()) }

  /// The next exact ratio.
  mutating func ratio() throws(SnapshotStateError) -> Ratio {
    switch try byte() {
    case 0: return Ratio(try signed())
    case 1:
      let numerator = try signed()
      let denominator = try signed()
      guard denominator > 1 else { throw .corrupt("denominator \(denominator)", at: offset) }
      return Ratio(reducing: Int128(numerator), Int128(denominator))
    case 2:
      let numerator = BigInt(Data(try data()))
      let denominator = BigInt(Data(try data()))
      guard denominator.sign == .plus, !denominator.isZero else {
        throw .corrupt("denominator \(denominator)", at: offset)
      }
      return Ratio(reducing: numerator, denominator)
    case let tag: throw .corrupt("ratio tag \(tag)", at: offset - 1)
    }
  }
}
