import Foundation
import Testing

/// Under `CI=true` Chromium is installed (`.ci/run` does it), so the browser test can never skip
/// there; outside CI it skips with its reason.
@Suite struct ChromiumInCITests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true"))
  func chromiumIsInstalledUnderCI() {
    #expect(
      ReportBrowserTests.chromium != nil,
      "CI=true but Chromium is missing: the browser test would skip")
  }
}
