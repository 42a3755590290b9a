import CapstanInterchange
import CapstanModel
import Foundation
import Testing

@Suite("XML Spreadsheet 2003")
struct Spreadsheet2003ReaderTests {
  /// `ss:Index` on a row skips rows; on a cell, columns; `ss:MergeAcross` makes a cell cover the
  /// columns after it. Row 1: A1, (B1 C1 merged), D1. Row 4 (Index 4): C4 (Index 3), D4.
  @Test func indexGapsAndMergedCells() throws {
    let xml = """
      <?xml version="1.0"?>
      <?mso-application progid="Excel.Sheet"?>
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
       xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
       <Worksheet ss:Name="Other"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet>
       <Worksheet ss:Name="Holdings"><Table>
        <Row><Cell><Data ss:Type="String">A</Data></Cell><Cell ss:MergeAcross="1"><Data ss:Type="String">BC</Data></Cell><Cell><Data ss:Type="Number">4</Data></Cell></Row>
        <Row ss:Index="4"><Cell ss:Index="3"><Data ss:Type="DateTime">2025-01-15T00:00:00.000</Data></Cell><Cell><Data ss:Type="Boolean">1</Data></Cell></Row>
       </Table></Worksheet>
      </Workbook>
      """
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ss2003-\(UUID().uuidString.prefix(6)).xml")
    try Data(xml.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let grid = try Spreadsheet2003Reader.read(path: url.path, sheet: "holdings", name: "s.xml")
    #expect(grid.name == "Holdings")
    #expect(grid.rows.map(\.number) == [1, 4])
    #expect(grid.rows[0].cells.map(\.column) == [0, 1, 3])
    #expect(grid.rows[0].cells[2].value == .number("4"))
    #expect(grid.rows[1].cells.map(\.column) == [2, 3])
    #expect(grid.rows[1].cells[0].value == .date(try #require(CalendarDate(iso: "2025-01-15"))))
    #expect(grid.rows[1].cells[1].value == .bool(true))
    #expect(grid.location(column: 2, row: 4) == "s.xml, sheet Holdings, cell C4")
  }

  static func read(_ rows: String) throws -> SheetGrid {
    let xml = """
      <?xml version="1.0"?>
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
       xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
       <Worksheet ss:Name="Holdings"><Table>
      \(rows)
       </Table></Worksheet>
      </Workbook>
      """
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ss2003-\(UUID().uuidString.prefix(6)).xml")
    try Data(xml.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try Spreadsheet2003Reader.read(path: url.path, sheet: nil, name: "s.xml")
  }

  /// Row 2 fills A2 and B2, then `ss:Index="2"` gives B2 again; a merged A3:B3 then
  /// `ss:Index="2"` gives B3 (covered) again; a cell with two `<Data>` gives C4 twice. Each is
  /// refused naming the sheet, the row and the column (as the xlsx reader does).
  @Test(arguments: [
    (
      #"<Row/><Row><Cell><Data ss:Type="String">a</Data></Cell><Cell><Data ss:Type="Number">1</Data></Cell><Cell ss:Index="2"><Data ss:Type="Number">2</Data></Cell></Row>"#,
      "s.xml, sheet Holdings, cell B2", "cell B2 is given twice"
    ),
    (
      #"<Row ss:Index="3"><Cell ss:MergeAcross="1"><Data ss:Type="String">ab</Data></Cell><Cell ss:Index="2"><Data ss:Type="Number">2</Data></Cell></Row>"#,
      "s.xml, sheet Holdings, cell B3", "cell B3 is given twice"
    ),
    (
      #"<Row ss:Index="4"><Cell ss:Index="3"><Data ss:Type="Number">1</Data><Data ss:Type="Number">2</Data></Cell></Row>"#,
      "s.xml, sheet Holdings, cell C4", "cell C4 is given twice: a second <Data>"
    ),
  ])
  func cellGivenTwice(rows: String, location: String, message: String) throws {
    do {
      _ = try Self.read(rows)
      Issue.record("read")
    } catch let error as ImportError {
      #expect(error.location.hasPrefix(location), "\(error.location)")
      #expect(error.message.hasPrefix(message), "\(error.message)")
    }
  }

  /// A cell after a skipped column is not given twice: A1, then `ss:Index="3"` (C1).
  @Test func indexForwardIsFine() throws {
    let grid = try Self.read(
      #"<Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">2</Data></Cell></Row>"#
    )
    #expect(grid.rows.first?.cells.map(\.column) == [0, 2])
  }
}

@Suite("Sheets of SAFEs, notes and warrants by name")
struct SheetInstrumentKindTests {
  /// By whole words: "carta-no-terms" holds "no te", not "note".
  @Test(arguments: [
    ("SAFEs", SheetInstrumentKind.safe), ("safes", .safe), ("Convertible Notes", .note),
    ("Notes", .note), ("Warrants", .warrant), ("warrants 2025", .warrant),
  ])
  func named(name: String, kind: SheetInstrumentKind) {
    #expect(SheetInstrumentKind.named(name) == kind)
  }

  @Test(arguments: ["carta-no-terms", "Shares", "Options", "Safety Deposit", "Notebook"])
  func notNamed(name: String) {
    #expect(SheetInstrumentKind.named(name) == nil)
  }
}
