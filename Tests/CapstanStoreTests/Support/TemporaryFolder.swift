import Foundation

/// A fresh folder under the system's temporary directory, removed after `body`.
@discardableResult
func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("capstan-store-tests-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  return try body(folder)
}

/// The bytes of a file, or nil when it is absent.
func contents(of path: String) -> Data? {
  FileManager.default.contents(atPath: path)
}

/// Whether a file exists.
func exists(_ path: String) -> Bool {
  FileManager.default.fileExists(atPath: path)
}
