// Import of an Open Cap Format package of the synthetic company (110,000 ledger transactions,
// 10,000 stakeholders) into a new SQLite workspace: read, decode, map, validate, write.
import Benchmark
import CapstanModel
import CapstanOCF
import CapstanStore
import Foundation
import SyntheticLedger

/// The benchmarks of this target, registered by the BenchmarkPlugin's generated `main`.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
    timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)

  Benchmark("OCF import, 110k transactions, 10k stakeholders, into SQLite") { benchmark, package in
    for _ in benchmark.scaledIterations {
      let database = package.folder + "/import-\(UUID().uuidString).db"
      benchmark.startMeasurement()
      do {
        let workspace = try SQLiteWorkspace.create(at: database)
        let plan = try OCFImportPlan.map(
          try OCFPackage.read(path: package.folder + "/pkg"),
          importedOn: CalendarDate(daysSinceEpoch: 20_000))
        blackHole(try workspace.write { draft in try plan.apply(to: &draft) })
      } catch {
        benchmark.error("the synthetic OCF package does not import: \(error)")
      }
      benchmark.stopMeasurement()
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: database + suffix)
      }
    }
  } setup: {
    try OCFFixture.make()
  }

  Benchmark("OCF read and map, no write (the plan apply(to:) would write)") {
    benchmark, package in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(
          try OCFImportPlan.map(
            try OCFPackage.read(path: package.folder + "/pkg"),
            importedOn: CalendarDate(daysSinceEpoch: 20_000)))
      } catch {
        benchmark.error("the synthetic OCF package does not map: \(error)")
      }
    }
  } setup: {
    try OCFFixture.make()
  }

  Benchmark("OCF decode only (read and JSON decode by object_type)") { benchmark, package in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try OCFPackage.read(path: package.folder + "/pkg"))
      } catch {
        benchmark.error("the synthetic OCF package does not decode: \(error)")
      }
    }
  } setup: {
    try OCFFixture.make()
  }
}

/// The synthetic company exported as an OCF package under a temporary folder.
struct OCFFixture: Sendable {
  let folder: String
  let objects: Int

  static func make() throws -> OCFFixture {
    let folder =
      NSTemporaryDirectory() + "capstan-ocf-bench-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let synthetic = SyntheticLedger()
    var exporter = OCFExporter(ledger: synthetic.ledger)
    _ = try exporter.write(to: folder + "/pkg")
    let package = try OCFPackage.read(path: folder + "/pkg")
    let objects = package.files.reduce(0) { $0 + $1.items.count }
    FileHandle.standardError.write(
      Data(
        "OCF fixture: \(synthetic.ledger.transactions.count) ledger transactions, \(objects) OCF objects\n"
          .utf8))
    return OCFFixture(folder: folder, objects: objects)
  }
}
