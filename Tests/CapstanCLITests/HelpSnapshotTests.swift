import Foundation
import Testing

/// The `--help` of every command, found by walking the command tree the executable reports
/// (`--experimental-dump-help`), compared whole with `Snapshots/help-all.txt`. A command added
/// or a help text changed shows in the snapshot's diff; regenerate it on purpose with
/// `CAPSTAN_UPDATE_SNAPSHOTS=1`.
@Suite struct HelpSnapshotTests {
  /// Every command path (`[]` for `capstan` itself, `["round", "model"]`...), in tree order.
  static func commandPaths() throws -> [[String]] {
    let dump = try CLIHarness().run(["--experimental-dump-help"], withDB: false)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
    let command = try #require(root["command"] as? [String: Any])
    var paths: [[String]] = []
    func walk(_ node: [String: Any], _ path: [String]) {
      paths.append(path)
      for child in node["subcommands"] as? [[String: Any]] ?? [] {
        guard let name = child["commandName"] as? String, name != "help" else { continue }
        walk(child, path + [name])
      }
    }
    walk(command, [])
    return paths
  }

  @Test func everyCommandsHelpMatchesTheSnapshot() throws {
    let cli = try CLIHarness()
    let paths = try Self.commandPaths()
    // The tree has the top-level groups and their subcommands: far more than the top level.
    #expect(paths.count > 60)
    var out = ""
    for path in paths {
      let result = try cli.run(path + ["--help"], withDB: false, environment: ["COLUMNS": "100"])
      #expect(result.status == 0, "capstan \(path.joined(separator: " ")) --help failed")
      #expect(result.stderr.isEmpty, "\(path): \(result.stderr)")
      out += "## capstan \(path.joined(separator: " "))\n\n" + result.stdout + "\n"
    }
    try assertSnapshot(out, named: "help-all.txt")
  }
}
