import Foundation
import Testing
import ZIPFoundation

/// The hostile corpus of issue 16, generated at run time (never committed): per family, each
/// case states its expected outcome (refused with a message naming what is at fault), and the
/// test checks the exit status, the message, the workspace files byte for byte before and
/// after, and the child's CPU time and peak memory (`HostileImportEndToEndTests.measuredImport`).
@Suite("Hostile corpus: corrupted zips, huge numbers, control characters")
struct HostileCorpusEndToEndTests {
  enum Case: String, CaseIterable, CustomTestStringConvertible {
    case storedOCFZipOneByte, deflatedOCFZipOneByte, storedXLSXOneByte, deflatedXLSXOneByte
    case duplicateZipEntry, duplicateJSONKey, encryptedWorkbook
    case hugeOCFPrice, hugeXMLPrice, hugeWorkbookPrice, ansiStakeholderName, nulStakeholderName
    case duplicateCell, cellPastXFD, cellInAnotherRow

    var testDescription: String { rawValue }

    /// Writes the input under `folder`; returns its path and what the refusal must say.
    func make(in folder: URL) throws -> (path: String, message: [String]) {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let pkg = folder.appendingPathComponent("pkg")
      switch self {
      case .storedOCFZipOneByte, .deflatedOCFZipOneByte:
        // 400,000 shares; one byte turns them into 100,000 (stored) or garbles the stream.
        try OCFEndToEndTests.package(in: pkg, quantity: "\"400000\"")
        let url = folder.appendingPathComponent("corrupt.ocf.zip")
        let stored = self == .storedOCFZipOneByte
        try HostileCorpusEndToEndTests.zip(pkg, to: url, stored: stored)
        try HostileCorpusEndToEndTests.corrupt(
          url, entry: "Transactions.ocf.json", stored: stored, find: "\"400000\"", digit: "1")
        return (url.path, ["Transactions.ocf.json", stored ? "CRC-32" : ""])
      case .storedXLSXOneByte, .deflatedXLSXOneByte:
        // 1,000 shares; one byte makes them 9,000 (stored) or garbles the stream.
        let url = folder.appendingPathComponent("corrupt.xlsx")
        let stored = self == .storedXLSXOneByte
        try HostileCorpusEndToEndTests.workbook(price: "1E-4", to: url, stored: stored)
        try HostileCorpusEndToEndTests.corrupt(
          url, entry: "xl/worksheets/sheet1.xml", stored: stored, find: "<v>1000</v>",
          digit: "9")
        return (url.path, ["xl/worksheets/sheet1.xml", stored ? "CRC-32" : ""])
      case .duplicateZipEntry:
        try OCFEndToEndTests.package(in: pkg)
        let url = folder.appendingPathComponent("twice.ocf.zip")
        let other = Data(
          #"{"file_type":"OCF_TRANSACTIONS_FILE","items":[]}"#.utf8)
        try OCFEndToEndTests.zip(pkg, to: url, extra: [("Transactions.ocf.json", other)])
        return (url.path, ["Transactions.ocf.json", "more than once"])
      case .duplicateJSONKey:
        try OCFEndToEndTests.package(in: pkg, quantity: "\"1000\",\"quantity\":\"9000\"")
        return (pkg.path, ["Transactions.ocf.json", "\"quantity\" is repeated"])
      case .encryptedWorkbook:
        // What Office writes for a password-protected workbook: an OLE compound document.
        let url = folder.appendingPathComponent("locked.xlsx")
        var bytes = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        bytes.append(Data(repeating: 0, count: 4_096))
        try bytes.write(to: url)
        return (url.path, ["locked.xlsx", "password-protected"])
      case .hugeOCFPrice:
        try OCFEndToEndTests.package(
          in: pkg, price: "\"1" + String(repeating: "0", count: 99_999) + "\"")
        return (pkg.path, ["share_price.amount", "limit", "(100000 characters)"])
      case .hugeXMLPrice:
        let url = folder.appendingPathComponent("huge.xml")
        let price = "1" + String(repeating: "0", count: 99_999)
        try Data(
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <capstan xmlns="urn:capstan:ledger:1" version="1">
            <company id="huge" name="Huge Co" currency="USD" incorporated="2024-01-01"/>
            <stakeholders><stakeholder id="a" name="Ada"/></stakeholders>
            <classes><class id="common" name="Common" authorized="1000"/></classes>
            <transactions>
              <issue date="2024-02-01" security="CS-1" holder="a" class="common" quantity="600" price="\(price)"/>
            </transactions>
          </capstan>

          """.utf8
        ).write(to: url)
        return (url.path, ["huge.xml:7", "price", "limit", "(100000 characters)"])
      case .hugeWorkbookPrice:
        let url = folder.appendingPathComponent("huge.xlsx")
        try HostileCorpusEndToEndTests.workbook(
          price: "1" + String(repeating: "0", count: 99_999), to: url, stored: false)
        return (url.path, ["huge.xlsx", "limit", "(100000 characters)"])
      case .duplicateCell, .cellPastXFD, .cellInAnotherRow:
        // Quantity C2 = 1,000; then a second C2 of 9,000, a cell in column XFE (one past
        // the last, XFD), or a cell of row 2 that says it is in row 1048577.
        let extra =
          switch self {
          case .duplicateCell: #"<c r="C2"><v>9000</v></c>"#
          case .cellPastXFD: #"<c r="XFE2"><v>1</v></c>"#
          default: #"<c r="F1048577"><v>1</v></c>"#
          }
        let url = folder.appendingPathComponent("cells.xlsx")
        try HostileCorpusEndToEndTests.workbook(price: "1E-4", to: url, stored: false, extra: extra)
        let message =
          switch self {
          case .duplicateCell: "cell C2 comes twice"
          case .cellPastXFD: "columns A to XFD"
          default: "is not in row 2"
          }
        return (url.path, ["cells.xlsx", "xl/worksheets/sheet1.xml", message])
      case .ansiStakeholderName:
        try OCFEndToEndTests.package(in: pkg)
        try HostileCorpusEndToEndTests.stakeholder(#"Evil\u001b]0;pwned\u0007\u001b[2J"#, in: pkg)
        return (pkg.path, ["control character", "\\u{1B}"])
      case .nulStakeholderName:
        try OCFEndToEndTests.package(in: pkg)
        try HostileCorpusEndToEndTests.stakeholder(#"Sam\u0000Evil"#, in: pkg)
        return (pkg.path, ["control character", "\\u{0}"])
      }
    }
  }

  @Test("hostile input: exit 1, a message naming it, workspace unchanged", arguments: Case.allCases)
  func hostile(_ kind: Case) throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.sh("init")
    try cli.sh("company add Beta --incorporated 2020-01-01")
    let (path, messages) = try kind.make(in: cli.folder.appendingPathComponent("input"))
    let before = try OCFEndToEndTests.snapshot(cli)
    let result = try HostileImportEndToEndTests.measuredImport(path, cli)
    #expect(result.status == 1, "\(result.stderr)")
    for message in messages where !message.isEmpty {
      #expect(result.stderr.contains(message), "wanted \(message): \(result.stderr)")
    }
    #expect(!result.stderr.contains("Fatal error"))
    #expect(result.stderr.count < 2_000, "the message echoes the input: \(result.stderr.count)")
    #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
    #expect(result.cpuSeconds < 5, "took \(result.cpuSeconds) s of CPU")
    #expect(result.peakMB < 200, "peaked at \(result.peakMB) MB")
    #expect(try OCFEndToEndTests.snapshot(cli) == before, "the workspace changed")
  }

  // MARK: - Generators

  /// Zips a package folder, each entry stored (no compression) or deflated.
  static func zip(_ folder: URL, to url: URL, stored: Bool) throws {
    let archive = try Archive(url: url, accessMode: .create)
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
      let data = try Data(contentsOf: folder.appendingPathComponent(name))
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count),
        compressionMethod: stored ? .none : .deflate
      ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    }
  }

  /// A one-sheet workbook for company Beta: Ada, 1,000 Common, the price cell as given.
  static func workbook(price: String, to url: URL, stored: Bool, extra: String = "") throws {
    let sheet = WorkbookBuilder.sheetXML([
      #"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c>"#,
      #"<c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2" t="inlineStr"><is><t>Common</t></is></c><c r="C2"><v>1000</v></c><c r="D2"><v>44940</v></c><c r="E2"><v>\#(price)</v></c>\#(extra)"#,
    ])
    let parts: [(String, Data)] = [
      ("xl/workbook.xml", Data(WorkbookBuilder.workbookXML(sheets: ["Holdings"]).utf8)),
      ("xl/_rels/workbook.xml.rels", Data(WorkbookBuilder.relationsXML(count: 1).utf8)),
      (
        "xl/sharedStrings.xml",
        Data(
          WorkbookBuilder.sharedStringsXML([
            "Stakeholder", "Security Class", "Quantity", "Issue Date", "Price",
          ]).utf8)
      ),
      ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
    ]
    try? FileManager.default.removeItem(at: url)
    let archive = try Archive(url: url, accessMode: .create)
    for (path, data) in parts {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count),
        compressionMethod: stored ? .none : .deflate
      ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    }
  }

  /// Changes one byte of `entry`'s data in the zip at `url`: in a stored entry, the first digit
  /// of `find` becomes `digit`; in a deflated one, the middle byte of the compressed data is
  /// inverted. The central directory (and its CRC-32) is left as it was.
  static func corrupt(_ url: URL, entry: String, stored: Bool, find: String, digit: Character)
    throws
  {
    var bytes = [UInt8](try Data(contentsOf: url))
    let name = [UInt8](entry.utf8)
    // The entry's local header: signature PK\3\4, 26 bytes, then the name (the name may also
    // appear as text inside another stored entry, so the signature is checked).
    var nameAt: Int?
    var from = 30
    while nameAt == nil, from < bytes.count,
      let found = firstIndex(of: name, in: Array(bytes[from...])).map({ $0 + from })
    {
      if bytes[found - 30..<found - 26].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
        nameAt = found
      }
      from = found + 1
    }
    guard let nameAt else { throw CocoaError(.fileReadCorruptFile) }
    let header = nameAt - 30
    // The sizes in the local header may be zero (a data descriptor follows the data): the
    // central directory's, as ZIPFoundation reads them, are used.
    guard let archive = try? Archive(url: url, accessMode: .read), let listed = archive[entry]
    else { throw CocoaError(.fileReadCorruptFile) }
    let compressedSize = Int(listed.compressedSize)
    let extra = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
    let start = nameAt + name.count + extra
    if stored {
      let needle = [UInt8](find.utf8)
      guard
        let at = firstIndex(
          of: needle, in: Array(bytes[start..<(start + compressedSize)]))
      else { throw CocoaError(.fileReadCorruptFile) }
      guard let first = needle.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }),
        let value = digit.asciiValue
      else { throw CocoaError(.fileReadCorruptFile) }
      bytes[start + at + first] = value
    } else {
      bytes[start + compressedSize / 2] ^= 0xFF
    }
    try Data(bytes).write(to: url)
  }

  static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    for index in 0...(haystack.count - needle.count)
    where haystack[index..<(index + needle.count)].elementsEqual(needle) {
      return index
    }
    return nil
  }

  /// Rewrites the package's stakeholder with `legalName` (JSON string text, escapes allowed).
  static func stakeholder(_ legalName: String, in pkg: URL) throws {
    try Data(
      """
      {"file_type":"OCF_STAKEHOLDERS_FILE","items":[{"object_type":"STAKEHOLDER","id":"s1",
       "name":{"legal_name":"\(legalName)"},"stakeholder_type":"INDIVIDUAL"}]}
      """.utf8
    ).write(to: pkg.appendingPathComponent("Stakeholders.ocf.json"))
  }
}
