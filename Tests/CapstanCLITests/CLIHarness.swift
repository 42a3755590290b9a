import Foundation
import Testing

/// Runs the built `capstan` executable against a temporary workspace.
struct CLIHarness {
  let folder: URL
  var db: String { folder.appendingPathComponent("test.db").path }

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("capstan-cli-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The executable, built beside the test bundle.
  static var executable: URL {
    let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates =
      [bundleDir, bundleDir.deletingLastPathComponent()]
      + Bundle.allBundles.map {
        $0.bundleURL.deletingLastPathComponent()
      }
    for dir in candidates {
      let url = dir.appendingPathComponent("capstan")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return bundleDir.appendingPathComponent("capstan")
  }

  /// Runs `capstan ARGS --db <temp>` (the db option is appended unless `withDB` is false).
  @discardableResult
  func run(_ arguments: [String], withDB: Bool = true, environment: [String: String] = [:]) throws
    -> Result
  {
    let process = Process()
    process.executableURL = CLIHarness.executable
    process.arguments = arguments + (withDB ? ["--db", db] : [])
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    env["CAPSTAN_DB"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Runs a command line written as in a shell (double quotes group words).
  @discardableResult
  func sh(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
    let result = try run(CLIHarness.words(line))
    #expect(
      result.status == 0, "capstan \(line) failed: \(result.stderr)", sourceLocation: sourceLocation
    )
    return result
  }

  static func words(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var inWord = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
        inWord = true
      } else if character == " " && !quoted {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }

  /// The acceptance example of the foundation issue: Acme AI with two founders, a plan and a grant.
  func buildAcme() throws {
    for line in [
      "init",
      "company add \"Acme AI\" --currency USD --incorporated 2025-01-15",
      "class add Common --authorized 10,000,000",
      "stakeholder add Ada", "stakeholder add Grace", "stakeholder add Linus",
      "issue Ada 4,000,000 Common --price 0.0001 --date 2025-01-15",
      "issue Grace 4,000,000 Common --price 0.0001 --date 2025-01-15",
      "plan add \"2025 Plan\" --class Common --reserve 1,000,000",
      "grant Linus 250,000 --plan \"2025 Plan\" --strike 0.10 --date 2025-03-01 --vesting 48/12/1 --vesting-start 2025-03-01",
    ] {
      try sh(line)
    }
  }
}

/// Compares output with a golden file under Snapshots/; CAPSTAN_UPDATE_SNAPSHOTS=1 rewrites it.
func assertSnapshot(
  _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots").appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["CAPSTAN_UPDATE_SNAPSHOTS"] == "1" {
    try actual.write(to: source, atomically: true, encoding: .utf8)
    return
  }
  let expected = try String(contentsOf: source, encoding: .utf8)
  #expect(
    actual == expected, "output differs from Snapshots/\(name)", sourceLocation: sourceLocation)
}
