import Foundation
import Testing

/// Every command names itself. Without `commandName:`, swift-argument-parser derives the name
/// with `String(describing:)` of the command's type, a dynamic conformance lookup that scans
/// every protocol conformance record of the binary (8,480 of them, with SwiftNIO, PostgresNIO
/// and Hummingbird linked) once per command while it builds the command tree: about 2.4 M
/// instructions per command, 75 % of `capstan --version` (BENCHMARKS.md, "Session 9").
@Suite("Command names")
struct CommandNameTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Sources/capstan")

  /// The text between `CommandConfiguration(` and its closing parenthesis, for each one in
  /// `source`.
  static func configurations(in source: String) -> [Substring] {
    var found: [Substring] = []
    var rest = source[...]
    while let open = rest.range(of: "CommandConfiguration(") {
      var depth = 1
      var index = open.upperBound
      while depth > 0, index < rest.endIndex {
        if rest[index] == "(" { depth += 1 } else if rest[index] == ")" { depth -= 1 }
        index = rest.index(after: index)
      }
      found.append(rest[open.upperBound..<index])
      rest = rest[index...]
    }
    return found
  }

  @Test func aConfigurationWithoutANameIsFound() {
    let source = """
      static let configuration = CommandConfiguration(commandName: "add", abstract: "A (b).")
      static let configuration = CommandConfiguration(abstract: "No name (here).")
      """
    let missing = Self.configurations(in: source).filter { !$0.contains("commandName:") }
    #expect(missing.count == 1)
    #expect(missing.first?.hasPrefix("abstract: \"No name") == true)
  }

  @Test func everyCommandConfigurationNamesItsCommand() throws {
    let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    var configurations = 0
    for file in files {
      let text = try String(
        contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      for configuration in Self.configurations(in: text) {
        configurations += 1
        #expect(
          configuration.contains("commandName:"),
          "\(file): a CommandConfiguration without commandName: \(configuration.prefix(60))")
      }
    }
    // The CLI has about 100 commands; finding few would mean the scan is broken.
    #expect(configurations > 80)
  }
}
