import Foundation
import Testing

/// `capstan user reset` and `capstan portal invite` as an administrator runs them: a
/// transcript (tokens shown as `$TOKEN`), and a password set from standard input.
@Suite struct PortalEndToEndTests {
  @Test func resetAndInviteTranscript() throws {
    var snapshot = try OutputSnapshot.demo()
    try snapshot.run([
      "user add linus@acme.example --role holder --stakeholder linus",
      "user reset linus@acme.example --url https://cap.acme.example",
      "user reset nobody@acme.example",
      "user reset linus@acme.example --hours 0",
      "portal invite Margaret --email margaret@acme.example --url https://cap.acme.example/ --hours 24",
      "portal invite Margaret",
      "portal invite Margaret --email MARGARET@acme.example",
      "portal invite Ada --email linus@acme.example",
      "portal invite Nobody --email x@acme.example",
      "user list",
    ])
    try assertSnapshot(
      TeamServerEndToEndTests.scrubbed(snapshot.transcript), named: "output/portal.txt")
  }

  /// `--password-stdin` reads the first line; a short password is refused and sets nothing.
  @Test func passwordFromStandardInput() throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.buildAcme()
    try cli.sh("user add ops@acme.example --admin")
    func reset(_ input: String) throws -> (Int32, String, String) {
      let process = Process()
      process.executableURL = CLIHarness.executable
      process.arguments = ["user", "reset", "ops@acme.example", "--password-stdin", "--db", cli.db]
      let stdin = Pipe()
      let out = Pipe()
      let err = Pipe()
      process.standardInput = stdin
      process.standardOutput = out
      process.standardError = err
      try process.run()
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
      let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      return (process.terminationStatus, stdout, stderr)
    }
    let short = try reset("too short\n")
    #expect(short.0 == 1 && short.2.contains("at least 12 characters"))
    let audited = try cli.sh("audit --format csv").stdout.split(separator: "\n").count
    let set = try reset("a long enough password\n")
    #expect(set.0 == 0 && set.1 == "Set the password of ops@acme.example\n")
    // One audit record for the password set; none for the refused one.
    #expect(try cli.sh("audit --format csv").stdout.split(separator: "\n").count == audited + 1)
  }
}
