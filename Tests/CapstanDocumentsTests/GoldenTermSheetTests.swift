import CapstanDocuments
import Foundation
import Testing

/// Each built-in template rendered for the demo deals, in every format, against a golden file.
///
/// Regenerate on purpose with `CAPSTAN_UPDATE_SNAPSHOTS=1 swift test --filter
/// GoldenTermSheetTests` and read the diff: the numbers are checked independently in
/// `TermSheetNumbersTests`.
@Suite("Golden term sheets: every template × format for the demo deals")
struct GoldenTermSheetTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")
  static let names = [
    "series-a.priced-round", "series-a.post-money-safe", "seed.priced-round",
    "seed.compute-for-equity", "metered.compute-safe",
  ]

  @Test(arguments: names, ["md", "html", "docx"])
  func matchesGolden(_ name: String, _ format: String) throws {
    let document = try DemoDeals.document(name)
    let (file, text): (String, String) =
      switch format {
      case "md": ("\(name).md", MarkdownWriter.markdown(document))
      case "html": ("\(name).html", HTMLWriter.html(document))
      // The zip's bytes depend on the deflate library; its document part is what must not move.
      default: ("\(name).document.xml", DocxWriter.documentXML(document))
      }
    let url = Self.golden.appendingPathComponent(file)
    if ProcessInfo.processInfo.environment["CAPSTAN_UPDATE_SNAPSHOTS"] == "1" {
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(text == expected, "\(file) differs from the golden file; see GoldenTermSheetTests")
  }
}
