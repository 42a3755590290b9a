import Foundation
import SyntheticLedger

/// The synthetic workspace file and the release `capstan` executable to run against it.
struct CLIFixture: Sendable {
  /// The release executable.
  let executable: String
  /// The workspace file.
  let database: String

  /// The measured command's arguments.
  var arguments: [String] {
    ["table", "--basis", "fully-diluted", "--db", database, "--as-of", "2030-12-31"]
  }

  /// A folder of this process's own under the system's temporary folder.
  static var folder: String {
    NSTemporaryDirectory() + "capstan-bench-\(ProcessInfo.processInfo.processIdentifier)"
  }

  /// Finds the executable, writes the workspace, and checks the command once.
  static func make() throws -> CLIFixture {
    let executable = try findExecutable()
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let database = folder + "/synthetic.db"
    try SyntheticWorkspace.create(at: database, from: SyntheticLedger())
    let fixture = CLIFixture(executable: executable, database: database)
    try fixture.check()
    return fixture
  }

  /// Removes the workspace file.
  static func removeFiles() {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Runs the command once, keeping its output, and fails unless it printed the table.
  func check() throws {
    let out = Self.folder + "/table.txt"
    let err = Self.folder + "/table.err"
    let result = try ChildProcess.run(executable, arguments, stdout: out, stderr: err)
    let printed = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    let expected = "Synthetic Co: fully diluted, as of 2030-12-31, by holder"
    if !result.peakIsChilds {
      FileHandle.standardError.write(
        Data(
          """
          warning: capstan's peak memory cannot be told apart from this runner's \
          (\(result.parentResidentBytes) bytes resident); the reading is an upper bound\n
          """.utf8))
    }
    guard result.exitCode == 0, printed.hasPrefix(expected) else {
      let message = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
      throw ChildProcessError(
        description: "capstan \(arguments.joined(separator: " ")) failed "
          + "(exit \(result.exitCode.map(String.init) ?? "by signal")): \(message)")
    }
  }

  /// `$CAPSTAN_EXECUTABLE`, else `../.build/release/capstan` relative to the benchmark package
  /// (from the working folder, then from this source file).
  static func findExecutable() throws -> String {
    if let path = ProcessInfo.processInfo.environment["CAPSTAN_EXECUTABLE"], !path.isEmpty {
      return path
    }
    let source = URL(fileURLWithPath: #filePath)  // Benchmarks/Benchmarks/CLITable/this file
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [
      FileManager.default.currentDirectoryPath + "/../.build/release/capstan",
      source.deletingLastPathComponent().path + "/.build/release/capstan",
    ]
    if let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) {
      return found
    }
    throw ChildProcessError(
      description: """
        no release capstan executable (looked at \(candidates.joined(separator: ", "))); \
        build it at the repository root with `swift build -c release --product capstan` \
        or run `make bench`, or set CAPSTAN_EXECUTABLE
        """)
  }
}
