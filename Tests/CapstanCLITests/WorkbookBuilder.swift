import Foundation
import ZIPFoundation

/// Builds .xlsx packages by hand for tests: the parts Excel writes, with the sheet's XML given.
enum WorkbookBuilder {
  static func workbookXML(sheets: [String], date1904: Bool = false) -> String {
    let entries = sheets.enumerated().map { index, name in
      #"<sheet name="\#(name)" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
    }.joined()
    return #"""
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="\#(date1904 ? "1" : "0")"/><sheets>\#(entries)</sheets></workbook>
      """#
  }

  static func relationsXML(count: Int) -> String {
    let entries = (1...count).map { index in
      #"<Relationship Id="rId\#(index)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
    }.joined()
    return #"""
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(entries)</Relationships>
      """#
  }

  /// A sheet part from rows of `<c>` elements.
  static func sheetXML(_ rows: [String]) -> String {
    let body = rows.enumerated().map { index, cells in #"<row r="\#(index + 1)">\#(cells)</row>"# }
      .joined()
    return #"""
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\#(body)</sheetData></worksheet>
      """#
  }

  static func sharedStringsXML(_ strings: [String]) -> String {
    let items = strings.map { "<si><t>\($0)</t></si>" }.joined()
    return #"""
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)">\#(items)</sst>
      """#
  }

  /// Writes a zip at `url` with the parts given (path → content), deflated.
  static func write(_ parts: [(String, Data)], to url: URL) throws {
    try? FileManager.default.removeItem(at: url)
    let archive = try Archive(url: url, accessMode: .create)
    for (path, data) in parts {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
        provider: { (position: Int64, size: Int) -> Data in
          data.subdata(in: Int(position)..<Int(position) + size)
        })
    }
  }

  /// A workbook with one sheet named `name`.
  static func write(
    sheet rows: [String], strings: [String] = [], name: String = "Holdings", date1904: Bool = false,
    to url: URL
  ) throws {
    try write(
      [
        ("xl/workbook.xml", Data(workbookXML(sheets: [name], date1904: date1904).utf8)),
        ("xl/_rels/workbook.xml.rels", Data(relationsXML(count: 1).utf8)),
        ("xl/sharedStrings.xml", Data(sharedStringsXML(strings).utf8)),
        ("xl/worksheets/sheet1.xml", Data(sheetXML(rows).utf8)),
      ], to: url)
  }
}
