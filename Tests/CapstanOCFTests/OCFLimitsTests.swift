import CapstanOCF
import Foundation
import Testing

@Suite("OCF package size caps")
struct OCFLimitsTests {
  @Test("a package larger than the size cap is refused before it is read")
  func sizeCap() throws {
    let folder = try OCFSamples.temporaryFolder()
    let manifest = """
      {"file_type":"OCF_MANIFEST_FILE","issuer":{"id":"i","legal_name":"Big Co"},
       "stakeholders_files":[{"filepath":"Stakeholders.ocf.json"}]}
      """
    try Data(manifest.utf8).write(to: folder.appendingPathComponent("Manifest.ocf.json"))
    let big =
      #"{"file_type":"OCF_STAKEHOLDERS_FILE","items":[]}"# + String(repeating: " ", count: 4096)
    try Data(big.utf8).write(to: folder.appendingPathComponent("Stakeholders.ocf.json"))
    let limits = OCFLimits(
      maxTotalBytes: 1024, maxCompressionRatio: 100, ratioFloorBytes: 1 << 20, maxEntries: 10)
    #expect {
      _ = try OCFPackage.read(path: folder.path, limits: limits)
    } throws: { error in
      "\(error)".contains("makes the package larger than 1024 bytes")
    }
    // Within the default caps the same package reads.
    #expect(try OCFPackage.read(path: folder.path).files.count == 1)
  }
}
