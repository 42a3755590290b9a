import Foundation
import Testing

/// Whole-output snapshots: command lines run one after another on one workspace, each written
/// as `$ capstan ARGS`, its exit status, its standard output and its standard error, and the
/// transcript compared whole with `Snapshots/output/NAME.txt`. Today is pinned
/// (`CAPSTAN_TODAY`) and the terminal is 100 columns wide, so a transcript changes only when
/// a command's output does. Regenerate on purpose with `CAPSTAN_UPDATE_SNAPSHOTS=1`.
struct OutputSnapshot {
  /// The day every transcript is run on.
  static let today = "2026-06-30"

  let cli: CLIHarness
  private(set) var transcript = ""

  /// A fresh workspace holding the demo company (`Fixtures/demo/acme-ai.capstan`).
  static func demo() throws -> OutputSnapshot {
    let cli = try CLIHarness()
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/demo/acme-ai.capstan").path
    let built = try cli.run(["demo", "--script", script, "--db", cli.db], withDB: false)
    #expect(built.status == 0, "the demo script failed: \(built.stderr)")
    return OutputSnapshot(cli: cli)
  }

  /// A fresh, empty folder and workspace path (run `init` first when a workspace is needed).
  static func empty() throws -> OutputSnapshot { OutputSnapshot(cli: try CLIHarness()) }

  /// Runs `capstan LINE --db WORKSPACE` (words as in a shell) and appends it to the transcript;
  /// `withDB: false` leaves `--db` out (for the commands that take no workspace).
  mutating func run(_ line: String, withDB: Bool = true) throws {
    let result = try cli.run(
      CLIHarness.words(line), withDB: withDB,
      environment: ["CAPSTAN_TODAY": Self.today, "COLUMNS": "100"])
    transcript += "$ capstan \(line)\n[exit \(result.status)]\n"
    if !result.stdout.isEmpty { transcript += scrub(result.stdout) }
    if !result.stderr.isEmpty { transcript += "--- stderr\n" + scrub(result.stderr) }
    transcript += "\n"
  }

  /// Runs every line in order.
  mutating func run(_ lines: [String]) throws {
    for line in lines { try run(line) }
  }

  /// Compares the transcript with `Snapshots/output/NAME.txt`.
  func assertMatches(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try assertSnapshot(transcript, named: "output/\(name).txt", sourceLocation: sourceLocation)
  }

  /// Temporary paths differ on every run: they show as `$FOLDER`.
  private func scrub(_ text: String) -> String {
    text.replacingOccurrences(of: cli.folder.path, with: "$FOLDER")
  }
}
