import CapstanZip
import Foundation
import ZIPFoundation

/// libFuzzer entry: any bytes as a zip archive are listed and every entry extracted through
/// `ZipIntegrity` (CRC-32 checked, duplicate and encrypted entries refused), with each entry
/// capped at 1 MiB read; the result is data or an error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "capstan-fuzz-\(getpid()).zip")
  guard (try? Data(bytes: data, count: size).write(to: url)) != nil else { return 0 }
  defer { try? FileManager.default.removeItem(at: url) }
  _ = ZipIntegrity.isCompoundDocument(at: url)
  guard let archive = try? Archive(url: url, accessMode: .read),
    let entries = try? ZipIntegrity.entries(of: archive, at: url, maximumEntries: 1_000)
  else { return 0 }
  for entry in entries where entry.type == .file {
    var read = 0
    try? ZipIntegrity.extract(entry, from: archive) { chunk in
      read += chunk.count
      if read > 1 << 20 { throw CocoaError(.fileReadTooLarge) }
    }
  }
  return 0
}
