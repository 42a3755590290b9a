import CapstanDocuments
import Foundation
import Testing

/// Where LibreOffice's `soffice` is, if installed.
enum LibreOffice {
  static let soffice: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/soffice"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()
}

/// LibreOffice opens the .docx and the HTML and prints them to PDF with the expected number of
/// pages. Runs only where `soffice` is installed (`make test-docs` installs it); elsewhere the
/// tests are skipped with a message.
@Suite(
  "PDF through LibreOffice", .serialized,
  .enabled(
    if: LibreOffice.soffice != nil, "libreoffice (soffice) is not installed: run make test-docs")
)
struct PDFConversionTests {

  /// Pages per format, read off the PDFs of LibreOffice 7.4 (Debian 12, as CI installs it;
  /// the round-level sheet of issue 18 made two of them longer; the compute-SAFE sheet of the
  /// metered demo deal joined them with 2 and 3) (Letter, 1-inch margins for the
  /// .docx; LibreOffice's default page for the HTML).
  static let expectedPages: [String: (docx: Int, html: Int)] = [
    "series-a.priced-round": (4, 4),
    "series-a.post-money-safe": (2, 2),
    "seed.compute-for-equity": (4, 5),
    "metered.compute-safe": (2, 3),
  ]

  @Test(arguments: [
    "series-a.priced-round", "series-a.post-money-safe", "seed.compute-for-equity",
    "metered.compute-safe",
  ])
  func convertsWithTheExpectedPageCount(_ name: String) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("capstan-pdf-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let document = try DemoDeals.document(name)
    try DocxWriter.docx(document).write(to: folder.appendingPathComponent("\(name).docx"))
    let htmlFolder = folder.appendingPathComponent("html")
    try FileManager.default.createDirectory(at: htmlFolder, withIntermediateDirectories: true)
    try Data(HTMLWriter.html(document).utf8).write(
      to: htmlFolder.appendingPathComponent("\(name).html"))

    try convert(folder.appendingPathComponent("\(name).docx"), into: folder, writer: false)
    try convert(htmlFolder.appendingPathComponent("\(name).html"), into: htmlFolder, writer: true)
    let docxPages = try pages(folder.appendingPathComponent("\(name).pdf"))
    let htmlPages = try pages(htmlFolder.appendingPathComponent("\(name).pdf"))
    print("\(name): .docx → \(docxPages) pages, HTML → \(htmlPages) pages")
    #expect(docxPages == Self.expectedPages[name]?.docx)
    #expect(htmlPages == Self.expectedPages[name]?.html)
  }

  /// `soffice --headless --convert-to pdf`, with a profile of its own (no clash with a
  /// LibreOffice the user has open).
  func convert(_ file: URL, into folder: URL, writer: Bool) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: LibreOffice.soffice ?? "soffice")
    let profile = folder.appendingPathComponent("profile").absoluteString
    process.arguments =
      ["-env:UserInstallation=\(profile)", "--headless"] + (writer ? ["--writer"] : [])
      + ["--convert-to", "pdf", "--outdir", folder.path, file.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "soffice failed on \(file.lastPathComponent)")
  }

  /// The page count: the `/Count` of the PDF's root page tree (LibreOffice writes it plainly).
  func pages(_ pdf: URL) throws -> Int {
    let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
    let counts = text.matches(of: /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/).compactMap {
      Int($0.output.1)
    }
    let fallback = text.matches(of: /\/Count\s+(\d+)/).compactMap { Int($0.output.1) }
    return (counts.isEmpty ? fallback : counts).max() ?? 0
  }
}
