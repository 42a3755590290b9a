import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanScenarios
import Foundation

/// `capstan demo`: builds the sample company and shows it.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract:
      "Build the sample company (Fixtures/demo) and the fixture portfolio with its HTML report.",
    discussion: """
      Example: capstan demo --db demo.db
      Without --db the workspace is a new file in a temporary folder; its path is printed so
      you can keep exploring it. The fixture portfolio's workspace and its HTML report are
      written beside it (for demo.db: demo-portfolio.db and demo-portfolio.html), or the
      report to --out.
      """)

  @Option(help: "Workspace file to create (must not exist); default: a temporary one.")
  var db: String?
  @Option(help: "The demo script to run (default: Fixtures/demo/acme-ai.capstan).")
  var script: String?
  @Option(help: "Where to write the portfolio's HTML report (default: beside the workspace).")
  var out: String?

  func run() throws {
    let scriptPath = try script ?? DemoCommand.locateScript()
    let path = try db ?? DemoCommand.temporaryPath()
    try DemoCommand.runScript(scriptPath, db: path)
    let exe = CommandLine.arguments[0].contains("/") ? CommandLine.arguments[0] : "capstan"
    print("")
    _ = CapstanMain.run(["table", "--basis", "fully-diluted", "--db", path])
    print("")
    _ = CapstanMain.run(["ledger", "--db", path])
    print(
      """

      Workspace: \(path)
      Try next (or `export CAPSTAN_DB=\(path)` and drop --db):
        \(exe) table --db \(path) --as-of 2025-02-01
        \(exe) table --db \(path) --by class --format json
        \(exe) issue Ada 2,500,000 Common --price 0.0001 --date 2025-04-01 --db \(path)
          (refused: more than the authorized shares allow; nothing is written)
        \(exe) --help
      """)
    if script == nil { try DemoCommand.portfolio(beside: path, html: out, exe: exe) }
  }

  /// Runs each command of a demo script against the workspace `db`, echoing it.
  static func runScript(_ scriptPath: String, db path: String) throws {
    let text = try TextFile.read(scriptPath, field: "--script", expected: "a readable demo script")
    for command in try CommandScript(text, file: scriptPath).commands {
      print("$ capstan \(command.text)")
      guard CapstanMain.run(command.words + ["--db", path]) == 0 else {
        throw DemoFailure(description: "\(scriptPath):\(command.line): the command above failed")
      }
    }
  }

  /// Builds the fixture portfolio (Fixtures/portfolio) in a second workspace beside `path` and
  /// writes ComputeCo's portfolio report to `html` (default: beside it, NAME-portfolio.html);
  /// its path is the last line.
  static func portfolio(beside path: String, html: String?, exe: String) throws {
    let script = try locateScript("portfolio/portfolio.capstan")
    let prices = URL(fileURLWithPath: script).deletingLastPathComponent()
      .appendingPathComponent("token-prices.csv").path
    let stem = path.hasSuffix(".db") ? String(path.dropLast(3)) : path
    let db = stem + "-portfolio.db"
    let html = html ?? stem + "-portfolio.html"
    print("\nThe fixture portfolio (three companies, one workspace): \(script)")
    try runScript(script, db: db)
    let report = [
      "report", "portfolio", "--investor", "ComputeCo", "--as-of", "2026-12-31",
      "--price-path", prices, "--format", "html", "-o", html, "--db", db,
    ]
    print("$ capstan " + report.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " "))
    guard CapstanMain.run(report) == 0 else {
      throw DemoFailure(description: "the portfolio report failed")
    }
    print(
      """
      Try: \(exe) report portfolio --investor ComputeCo --as-of 2026-12-31 --db \(db)
      Portfolio report (open in a browser): \(html)
      """)
  }

  struct DemoFailure: Error, CustomStringConvertible {
    let description: String
  }

  static func temporaryPath() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capstan-demo-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("demo.db").path
  }

  /// Looks for the script in $CAPSTAN_FIXTURES, ./Fixtures, and beside the executable's checkout.
  static func locateScript(_ name: String = "demo/acme-ai.capstan") throws -> String {
    var folders: [String] = []
    if let env = ProcessInfo.processInfo.environment["CAPSTAN_FIXTURES"] { folders.append(env) }
    folders.append(FileManager.default.currentDirectoryPath + "/Fixtures")
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<5 {
      folders.append(dir.appendingPathComponent("Fixtures").path)
      dir.deleteLastPathComponent()
    }
    for folder in folders where FileManager.default.fileExists(atPath: folder + "/" + name) {
      return folder + "/" + name
    }
    throw InputError.invalid(
      field: "--script", input: name,
      expected: "the demo script; run from the project folder or set CAPSTAN_FIXTURES")
  }
}
