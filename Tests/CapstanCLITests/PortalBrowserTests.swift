import Foundation
import Testing

/// Issue 20's acceptance, as a person does it: `capstan serve` on the demo workspace as a real
/// process, a holder user for one employee (Linus) and an editor, each setting a password
/// through the link `capstan user reset` printed, then headless Chromium (selenium and
/// chromium-driver, `scripts/portal-browser.py`) signing in through the form. Screenshots are
/// kept in `.build/test-artifacts/portal-browser/`. Under `CI=true` it never skips (`.ci/run`
/// and `make test-browser` install selenium and chromium-driver); elsewhere it skips saying
/// what is missing.
@Suite struct PortalBrowserTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// What the browser test lacks here ("" when nothing).
  static let missing: String = {
    var lacking: [String] = []
    if ReportBrowserTests.chromium == nil { lacking.append("chromium") }
    if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") {
      lacking.append("chromium-driver (apt-get install chromium-driver)")
    }
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    check.arguments = ["python3", "-c", "import selenium"]
    check.standardOutput = Pipe()
    check.standardError = Pipe()
    if (try? check.run()) == nil {
      lacking.append("python3")
    } else {
      check.waitUntilExit()
      if check.terminationStatus != 0 { lacking.append("selenium (pip install selenium)") }
    }
    return lacking.joined(separator: ", ")
  }()

  static let underCI = ProcessInfo.processInfo.environment["CI"] == "true"

  @Test(
    .enabled(
      if: underCI || missing.isEmpty,
      "SKIPPED: the browser test needs \(missing); make test-browser installs them"))
  func aHolderSignsInAndSeesOnlyTheirOwnOptions() async throws {
    try #require(Self.missing.isEmpty, "CI=true but the browser test lacks \(Self.missing)")
    let cli = try OutputSnapshot.demo().cli
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.sh("user add linus@acme.example --role holder --stakeholder linus")
    try cli.sh("user add margaret.editor@acme.example --role editor")
    let (process, base) = try Self.serve(cli)
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    let holderLink = try cli.sh("user reset linus@acme.example --url \(base)").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let editorLink = try cli.sh("user reset margaret.editor@acme.example --url \(base)").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(holderLink.hasPrefix(base + "/set-password?token=cap_"))
    let artifacts = Self.repository.appendingPathComponent(".build/test-artifacts/portal-browser")
    try? FileManager.default.removeItem(at: artifacts)
    print("PortalBrowserTests: screenshots in \(artifacts.path)")
    let driver = Process()
    driver.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    driver.arguments = [
      "python3", Self.repository.appendingPathComponent("scripts/portal-browser.py").path, base,
      holderLink, "linus@acme.example", editorLink, "margaret.editor@acme.example",
      "a long test password", artifacts.path,
    ]
    let out = Pipe()
    let err = Pipe()
    driver.standardOutput = out
    driver.standardError = err
    try driver.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    driver.waitUntilExit()
    try #require(driver.terminationStatus == 0, "the browser script failed: \(errors)")
    let pages = try #require(
      try JSONSerialization.jsonObject(with: output) as? [String: [String: String]])
    func page(_ name: String) -> String { pages[name]?["text"] ?? "" }
    #expect(page("01-holder-password-set").contains("Password set"))
    #expect(page("02-holder-home").contains("Acme AI"))
    // Linus's own grant and its vesting (48 months, a 12-month cliff from 2025-03-01), and
    // nobody else's name: Margaret is the other employee with options, Ada and Grace founders.
    let portal = page("03-holder-portal")
    #expect(portal.contains("Linus in Acme AI"))
    #expect(portal.contains("250,000") || portal.contains("250000"), "the grant: \(portal)")
    #expect(portal.contains("Vesting today"))
    for other in ["Margaret", "Ada", "Grace"] {
      #expect(!portal.contains(other), "\(other) on Linus's page")
      #expect(!page("04-holder-portal-exit").contains(other), "\(other) with the exit value")
    }
    #expect(page("04-holder-portal-exit").contains("$50,000,000"))
    #expect(pages["04-holder-portal-exit"]?["url"]?.contains("exit1=50M") == true)
    #expect(page("05-holder-overview-refused").contains("your role in this company does not allow"))
    #expect(page("06-holder-signed-out").contains("Sign in"))
    let overview = page("09-editor-overview")
    for name in ["Ada", "Grace", "Linus", "Margaret", "By class"] {
      #expect(overview.contains(name), "\(name) on the editor's overview")
    }
    for name in pages.keys {
      #expect(
        FileManager.default.fileExists(
          atPath: artifacts.appendingPathComponent(name + ".png").path), "\(name).png")
    }
  }

  /// `capstan serve` on a free loopback port: the process and its address.
  static func serve(_ cli: CLIHarness) throws -> (Process, String) {
    let process = Process()
    process.executableURL = CLIHarness.executable
    process.arguments = ["serve", "--db", cli.db, "--listen", "127.0.0.1:0"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    var line = ""
    while !line.contains("\n") {
      let data = out.fileHandleForReading.availableData
      if data.isEmpty { break }
      line += String(decoding: data, as: UTF8.self)
    }
    guard let range = line.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression)
    else {
      process.terminate()
      throw CocoaError(.fileReadCorruptFile, userInfo: ["serve printed": line])
    }
    return (process, String(line[range]))
  }
}
