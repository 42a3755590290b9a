import Foundation
import ZIPFoundation

/// The integrity checks every zip Capstan reads goes through (an .ocf.zip, an .xlsx): each
/// entry's CRC-32 compared with the central directory's, encrypted entries refused as such,
/// and a name that appears twice refused (which copy would be read is a silent choice).
///
/// ZIPFoundation computes the checksum while it extracts and hands it back; it does not compare
/// it, so a one-byte corruption of a stored entry would otherwise be read as data.
public enum ZipIntegrity {
  /// The file entries of `archive` (read from `url`), in directory order, after refusing
  /// duplicate names and encrypted entries; more than `maximumEntries` entries are refused
  /// before they are all listed.
  public static func entries(
    of archive: Archive, at url: URL, maximumEntries: Int = 100_000
  ) throws(ZipIntegrityError) -> [Entry] {
    let flags = ZipCentralDirectory.flags(at: url)
    var seen: Set<String> = []
    var entries: [Entry] = []
    for entry in archive {
      guard entries.count < maximumEntries else { throw .tooManyEntries(maximumEntries) }
      let name = entry.path
      guard seen.insert(name).inserted else { throw .duplicateEntry(name) }
      if let flag = flags[name], flag.isEncrypted { throw .encrypted(name) }
      entries.append(entry)
    }
    return entries
  }

  /// Extracts `entry` into `consumer` and compares the CRC-32 of what was read with the one
  /// the archive records; errors the consumer throws pass through unchanged.
  public static func extract(
    _ entry: Entry, from archive: Archive, consumer: (Data) throws -> Void
  ) throws -> Void {
    let checksum: CRC32
    do {
      checksum = try archive.extract(entry, skipCRC32: false, consumer: consumer)
    } catch let error as ZIPFoundation.Archive.ArchiveError {
      throw ZipIntegrityError.damaged(entry.path, String(describing: error))
    }
    guard checksum == entry.checksum else {
      throw ZipIntegrityError.checksumMismatch(
        entry.path, recorded: entry.checksum, computed: checksum)
    }
  }

  /// Whether the file starts like an OLE compound document: what Office writes for a
  /// password-protected (encrypted) workbook, or a legacy .xls, instead of a zip.
  public static func isCompoundDocument(at url: URL) -> Bool {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 8)) ?? Data()
    return head == Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
  }
}

/// A zip entry that cannot be trusted, naming it.
public enum ZipIntegrityError: Error, Equatable, CustomStringConvertible {
  /// The entry's CRC-32 differs from the one recorded: the archive is corrupted.
  case checksumMismatch(String, recorded: UInt32, computed: UInt32)
  /// Two entries carry the same name.
  case duplicateEntry(String)
  /// The entry is encrypted (password-protected).
  case encrypted(String)
  /// The entry cannot be decompressed.
  case damaged(String, String)
  /// More entries than the reader accepts.
  case tooManyEntries(Int)

  /// The entry at fault.
  public var entry: String {
    switch self {
    case .checksumMismatch(let name, _, _), .duplicateEntry(let name), .encrypted(let name),
      .damaged(let name, _):
      name
    case .tooManyEntries: ""
    }
  }

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .checksumMismatch(let name, let recorded, let computed):
      "entry '\(name)' fails its CRC-32 check (recorded \(hex(recorded)), read \(hex(computed))): "
        + "the archive is corrupted; refused"
    case .duplicateEntry(let name):
      "entry '\(name)' appears more than once in the archive; which copy is meant is ambiguous: "
        + "refused"
    case .encrypted(let name):
      "entry '\(name)' is encrypted (password-protected); save the file without a password"
    case .damaged(let name, let reason):
      "entry '\(name)' cannot be decompressed (\(reason)): the archive is damaged or truncated"
    case .tooManyEntries(let maximum):
      "more than \(maximum) entries"
    }
  }

  private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }
}
