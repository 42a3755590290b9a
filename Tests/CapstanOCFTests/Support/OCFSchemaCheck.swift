import Foundation
import Testing

/// Validates an exported package with scripts/validate-ocf.py (python jsonschema against the
/// official schema in ../shared/ocf-schema-1.2.0); records an issue on any problem, and does
/// nothing (with a note) when python's jsonschema or the schema is not there.
enum OCFSchemaCheck {
  static let script = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scripts/validate-ocf.py")

  static func validate(_ folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    guard FileManager.default.fileExists(atPath: OCFSamples.schema.path) else {
      print("note: ../shared/ocf-schema-1.2.0 absent; schema validation skipped")
      return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, OCFSamples.schema.path, folder.path]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if process.terminationStatus == 2 {
      print("note: python jsonschema not installed; schema validation skipped")
      return
    }
    #expect(
      process.terminationStatus == 0, "OCF 1.2.0 schema: \(text)", sourceLocation: sourceLocation)
  }
}
