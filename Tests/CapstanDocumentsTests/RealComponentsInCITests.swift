import Foundation
import Testing

/// Under `CI=true` the real components are installed (`.ci/run` does it), so the PDF suite can
/// never skip there; outside CI it skips with its reason.
@Suite struct LibreOfficeInCITests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true"))
  func libreOfficeIsInstalledUnderCI() {
    #expect(LibreOffice.soffice != nil, "CI=true but soffice is missing: the PDF tests would skip")
  }
}
