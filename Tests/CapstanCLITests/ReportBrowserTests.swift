import Foundation
import Testing

/// Renders the portfolio report in headless Chromium and checks the picture is not blank.
/// Skipped without Chromium; `make test-browser` installs it (apt) and runs this suite.
@Suite("Report in a browser")
struct ReportBrowserTests {
  /// The Chromium executable on PATH, if any.
  static let chromium: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
      for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  /// Screenshots `html` headless; returns the PNG's bytes.
  func screenshot(_ html: URL, folder: URL, name: String) throws -> Data {
    let png = folder.appendingPathComponent(name + ".png")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
      "--window-size=1100,2400", "--screenshot=\(png.path)", html.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return try Data(contentsOf: png)
  }

  /// A blank page compresses to almost nothing; the report, with its tables and three charts,
  /// to many times more. PNG signature checked too.
  @Test(
    .enabled(
      if: ReportBrowserTests.chromium != nil,
      "Chromium is not installed; `make test-browser` installs it and runs this test"))
  func portfolioRendersToANonBlankPicture() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    let prices = CLIHarness.fixtures.appendingPathComponent("token-prices.csv").path
    let page = cli.folder.appendingPathComponent("portfolio.html")
    let result = try cli.run(
      CLIHarness.words("report portfolio --investor ComputeCo --as-of 2026-12-31 --format html")
        + ["--price-path", prices, "-o", page.path])
    #expect(result.status == 0, "\(result.stderr)")
    let blankPage = cli.folder.appendingPathComponent("blank.html")
    try "<!DOCTYPE html><html><body></body></html>".write(
      to: blankPage, atomically: true, encoding: .utf8)
    let report = try screenshot(page, folder: cli.folder, name: "report")
    let blank = try screenshot(blankPage, folder: cli.folder, name: "blank")
    #expect(report.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    #expect(report.count > 5 * blank.count, "report \(report.count) bytes, blank \(blank.count)")
  }
}
