import Foundation
import Testing

/// The OCF conformance tests need `../shared/ocf-samples` beside the clone: in CI (`CI=true`)
/// a missing folder fails here; elsewhere the skipped suites are named on the console.
@Suite("The OCF samples are found beside the clone")
struct OCFSamplesPresenceTests {
  @Test("../shared/ocf-samples is present in CI; outside CI its absence is said aloud")
  func samplesPresent() {
    guard !OCFSamples.present else { return }
    if OCFSamples.inCI {
      Issue.record(
        "CI=true but \(OCFSamples.root.path) is absent: the OCF conformance tests cannot run")
    } else {
      print(
        "SKIPPED (\(OCFSamples.root.path) is absent): "
          + OCFSamples.suites.joined(separator: "; "))
    }
  }
}
