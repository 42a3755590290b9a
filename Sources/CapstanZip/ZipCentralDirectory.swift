import Foundation

/// The general-purpose flags and compression method of each entry, read from the archive's
/// central directory (ZIPFoundation keeps them internal); used to refuse encrypted entries.
enum ZipCentralDirectory {
  /// One entry's raw fields.
  struct Flags {
    /// General-purpose bit flag.
    var bits: UInt16
    /// Compression method (99 is WinZip AES).
    var method: UInt16

    /// Bit 0 (traditional PKWARE encryption), bit 6 (strong encryption) or AES.
    var isEncrypted: Bool { bits & 0x41 != 0 || method == 99 }
  }

  /// Flags by entry name; empty when the directory cannot be located (ZIPFoundation then
  /// decides whether the file is a zip at all) or the archive is Zip64.
  static func flags(at url: URL) -> [String: Flags] {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return [:] }
    defer { try? handle.close() }
    guard let size = try? handle.seekToEnd(), size >= 22 else { return [:] }
    let tailLength = min(size, 22 + 65_535)
    guard (try? handle.seek(toOffset: size - tailLength)) != nil,
      let tail = try? handle.read(upToCount: Int(tailLength)), tail.count == Int(tailLength)
    else { return [:] }
    let bytes = [UInt8](tail)
    var end: Int?
    var index = bytes.count - 22
    while index >= 0 {
      if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05,
        bytes[index + 3] == 0x06
      {
        end = index
        break
      }
      index -= 1
    }
    guard let end else { return [:] }
    let directorySize = UInt64(read32(bytes, end + 12))
    let directoryOffset = UInt64(read32(bytes, end + 16))
    guard directoryOffset != 0xFFFF_FFFF, directoryOffset + directorySize <= size,
      (try? handle.seek(toOffset: directoryOffset)) != nil,
      let directory = try? handle.read(upToCount: Int(directorySize)),
      directory.count == Int(directorySize)
    else { return [:] }
    return parse([UInt8](directory))
  }

  static func parse(_ bytes: [UInt8]) -> [String: Flags] {
    var result: [String: Flags] = [:]
    var offset = 0
    while offset + 46 <= bytes.count, read32(bytes, offset) == 0x0201_4B50 {
      let bits = read16(bytes, offset + 8)
      let method = read16(bytes, offset + 10)
      let nameLength = Int(read16(bytes, offset + 28))
      let extraLength = Int(read16(bytes, offset + 30))
      let commentLength = Int(read16(bytes, offset + 32))
      let nameEnd = offset + 46 + nameLength
      guard nameEnd <= bytes.count else { break }
      let nameBytes = Array(bytes[(offset + 46)..<nameEnd])
      let utf8 = bits & 0x800 != 0
      let name =
        utf8
        ? String(decoding: nameBytes, as: UTF8.self)
        : (String(bytes: nameBytes, encoding: .isoLatin1) ?? "")
      let flags = Flags(bits: bits, method: method)
      if let existing = result[name], existing.isEncrypted {
        // Keep the encrypted flag of a duplicate name.
      } else {
        result[name] = flags
      }
      offset = nameEnd + extraLength + commentLength
    }
    return result
  }

  private static func read16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  private static func read32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
      | UInt32(bytes[at + 3]) << 24
  }
}
