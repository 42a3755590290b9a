import CapstanZip
import Foundation
import ZIPFoundation

/// A zip package (an .xlsx) opened for reading parts into memory, defended against hostile
/// archives: entries named outside the package (`../`, absolute paths) refuse the whole file,
/// and a part is read only while it stays under a size cap and a compression ratio (a zip bomb
/// is refused after at most `maximumPartSize` bytes, whatever its headers claim). Every part's
/// CRC-32 is checked, and duplicate or encrypted entries are refused (`ZipIntegrity`).
struct ZipPackage {
  /// The largest workbook file read (128 MiB).
  static let maximumFileSize: UInt64 = 128 << 20
  /// The largest part read, uncompressed (64 MiB).
  static let maximumPartSize: UInt64 = 64 << 20
  /// The largest ratio of uncompressed to compressed size of a part over 1 MiB.
  static let maximumRatio: UInt64 = 200

  let file: String
  private let archive: Archive
  private var entries: [String: Entry] = [:]

  init(path: String, name: String) throws(ImportError) {
    file = name
    // Workbooks are small; a file past the cap is refused before it is opened.
    let size =
      (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?
      .uint64Value ?? 0
    guard size <= Self.maximumFileSize else {
      throw ImportError(
        location: name,
        message:
          "the workbook is \(size >> 20) MiB; workbooks over \(Self.maximumFileSize >> 20) MiB are refused"
      )
    }
    let url = URL(fileURLWithPath: path)
    if ZipIntegrity.isCompoundDocument(at: url) {
      throw ImportError(
        location: name,
        message:
          "is a password-protected (encrypted) or legacy Office workbook, not an .xlsx zip "
          + "package; save it as .xlsx without a password")
    }
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw ImportError(
        location: name,
        message:
          "not a readable zip archive (an .xlsx is a zip; the file may be truncated or damaged)")
    }
    let listed: [Entry]
    do {
      listed = try ZipIntegrity.entries(of: archive, at: url)
    } catch {
      throw ImportError(location: name, message: error.description)
    }
    for entry in listed {
      let path = entry.path
      let parts = path.split(separator: "/", omittingEmptySubsequences: false)
      if path.hasPrefix("/") || path.hasPrefix("\\") || path.contains("\\") || parts.contains("..")
        || path.contains(":")
      {
        throw ImportError(
          location: name,
          message: "the archive holds an entry named '\(path)', outside the package: refused")
      }
      entries[path] = entry
    }
    guard !entries.isEmpty else {
      throw ImportError(location: name, message: "the zip archive is empty")
    }
  }

  func has(_ part: String) -> Bool { entries[part] != nil }

  /// The bytes of a part, or nil when the package has no such part.
  func read(_ part: String) throws(ImportError) -> [UInt8]? {
    guard let entry = entries[part] else { return nil }
    let declared = entry.uncompressedSize
    let compressed = max(1, entry.compressedSize)
    func refuse(_ size: UInt64) -> ImportError {
      ImportError(
        location: "\(file), part \(part)",
        message:
          "expands to \(size > declared ? "over " : "")\(size) bytes from \(entry.compressedSize) "
          + "(more than \(Self.maximumPartSize >> 20) MiB, or a compression ratio over "
          + "\(Self.maximumRatio):1): refused as a likely zip bomb")
    }
    if declared > Self.maximumPartSize
      || (declared > 1 << 20 && declared / compressed > Self.maximumRatio)
    {
      throw refuse(declared)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(declared))
    do {
      try ZipIntegrity.extract(entry, from: archive) { chunk in
        bytes.append(contentsOf: chunk)
        let size = UInt64(bytes.count)
        if size > Self.maximumPartSize || (size > 1 << 20 && size / compressed > Self.maximumRatio)
        {
          throw ZipLimit(size: size)
        }
      }
    } catch let limit as ZipLimit {
      throw refuse(limit.size)
    } catch let integrity as ZipIntegrityError {
      throw ImportError(location: "\(file), part \(part)", message: integrity.description)
    } catch {
      throw ImportError(
        location: "\(file), part \(part)",
        message: "cannot be decompressed (the archive is damaged or truncated)")
    }
    return bytes
  }
}

private struct ZipLimit: Error {
  let size: UInt64
}
