// `capstan import` of a 500,000-holding Capstan XML file into a new SQLite workspace, as a
// cold process (issue 6: ≤ 3 s and ≤ 150 MB peak).
import Benchmark
import Foundation
import SyntheticLedger

/// The peak resident memory of the `capstan` process itself.
let capstanPeakResident = BenchmarkMetric.custom(
  "capstan peak resident (bytes)", polarity: .prefersSmaller, useScalingFactor: false)

/// The benchmarks of this target, registered by the BenchmarkPlugin's generated `main`.
let benchmarks: @Sendable () -> Void = {
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, capstanPeakResident], timeUnits: .milliseconds,
    warmupIterations: 1, maxDuration: .seconds(60), maxIterations: XMLFixture.workspaces - 1)

  Benchmark(
    "capstan import, 500,000 holdings of Capstan XML, cold process", configuration: configuration
  ) {
    benchmark, fixture in
    for _ in benchmark.scaledIterations {
      do {
        let result = try ChildProcess.run(fixture.executable, fixture.nextArguments())
        guard result.exitCode == 0 else {
          benchmark.error("capstan import failed (exit \(String(describing: result.exitCode)))")
          return
        }
        benchmark.measurement(capstanPeakResident, result.peakResidentBytes)
      } catch {
        benchmark.error("\(error)")
      }
    }
  } setup: {
    try XMLFixture.make()
  } teardown: {
    XMLFixture.removeFiles()
  }
}

/// The generated file, empty workspaces (one per run: an import adds a company once), and the
/// release executable.
final class XMLFixture: @unchecked Sendable {
  static let workspaces = 12
  let executable: String
  let file: String
  private var used = 0

  static var folder: String {
    NSTemporaryDirectory() + "capstan-bench-xml-\(ProcessInfo.processInfo.processIdentifier)"
  }

  init(executable: String, file: String) {
    self.executable = executable
    self.file = file
  }

  static func make() throws -> XMLFixture {
    let executable = try findExecutable()
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let file = folder + "/holdings.xml"
    try HoldingsXML.write(to: file)
    for index in 0..<workspaces {
      let result = try ChildProcess.run(executable, ["init", "--db", folder + "/w\(index).db"])
      guard result.exitCode == 0 else {
        throw ChildProcessError(description: "capstan init failed")
      }
    }
    return XMLFixture(executable: executable, file: file)
  }

  func nextArguments() -> [String] {
    defer { used += 1 }
    return ["import", file, "--db", Self.folder + "/w\(used % Self.workspaces).db"]
  }

  static func removeFiles() {
    try? FileManager.default.removeItem(atPath: folder)
  }

  static func findExecutable() throws -> String {
    if let path = ProcessInfo.processInfo.environment["CAPSTAN_EXECUTABLE"], !path.isEmpty {
      return path
    }
    let source = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [
      FileManager.default.currentDirectoryPath + "/../.build/release/capstan",
      source.deletingLastPathComponent().path + "/.build/release/capstan",
    ]
    if let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) {
      return found
    }
    throw ChildProcessError(
      description: "no release capstan executable; run `swift build -c release --product capstan`")
  }
}
