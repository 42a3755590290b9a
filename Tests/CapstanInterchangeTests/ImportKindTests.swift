import CapstanInterchange
import Foundation
import Testing

/// `ImportKind.of`: the kind of a path given to an import, by its name and, for `.xml`, its root.
@Suite("Import kind: a path is OCF, Capstan XML or a spreadsheet")
struct ImportKindTests {
  /// A scratch folder with the named files written in it.
  static func folder(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("import-kind-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return folder
  }

  @Test func namesAndRootsDecideTheKind() throws {
    let folder = try Self.folder([
      "a.csv": "Holder,Shares\n", "b.xlsx": "", "ledger.xml": "<capstan-ledger/>",
      "sheet.xml":
        "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = { (name: String) in folder.appendingPathComponent(name).path }
    #expect(try ImportKind.of(path("a.csv")) == .spreadsheet(.csv))
    #expect(try ImportKind.of(path("b.xlsx")) == .spreadsheet(.xlsx))
    #expect(try ImportKind.of(path("ledger.xml")) == .nativeXML)
    #expect(try ImportKind.of(path("sheet.xml")) == .spreadsheet(.spreadsheet2003))
    // A folder, a manifest or a zip is OCF, read or not (the OCF reader reports what is wrong).
    #expect(try ImportKind.of(folder.path) == .ocf)
    #expect(try ImportKind.of(path("missing.ocf.zip")) == .ocf)
    #expect(try ImportKind.of(path("Manifest.ocf.json")) == .ocf)
  }

  @Test func aMissingFileOrAnUnknownNameIsRefusedNamingThePath() throws {
    let folder = try Self.folder(["notes.txt": "hello"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("gone.csv").path
    #expect(throws: ImportError(location: missing, message: "no such file")) {
      try ImportKind.of(missing)
    }
    let text = folder.appendingPathComponent("notes.txt").path
    #expect {
      try ImportKind.of(text)
    } throws: { error in
      (error as? ImportError)?.location == text
        && (error as? ImportError)?.message.contains("cannot tell the format") == true
    }
  }
}
