import Foundation

/// What a file or folder given to an import is: an Open Cap Format package, Capstan XML, or a
/// spreadsheet (decided by the name, and for `.xml` by the root element).
public enum ImportKind: Sendable, Equatable {
  /// An OCF folder, `Manifest.ocf.json` or `.ocf.zip`.
  case ocf
  /// A Capstan XML ledger (docs/xml-format.md).
  case nativeXML
  /// An `.xlsx`, a `.csv` or an Excel XML Spreadsheet 2003 file.
  case spreadsheet(SpreadsheetFormat)

  /// The kind of `path`; an unknown extension or a missing file is an error naming the path.
  public static func of(_ path: String) throws(ImportError) -> ImportKind {
    let lower = path.lowercased()
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
    if isFolder.boolValue || lower.hasSuffix(".ocf.json") || lower.hasSuffix(".zip") {
      return .ocf
    }
    guard exists else { throw ImportError(location: path, message: "no such file") }
    if lower.hasSuffix(".xlsx") { return .spreadsheet(.xlsx) }
    if lower.hasSuffix(".csv") { return .spreadsheet(.csv) }
    if lower.hasSuffix(".xml") {
      return try SpreadsheetFormat.isSpreadsheet2003(path: path)
        ? .spreadsheet(.spreadsheet2003) : .nativeXML
    }
    throw ImportError(
      location: path,
      message:
        "cannot tell the format from the name: expected .xml (Capstan XML or Excel XML "
        + "Spreadsheet 2003), .xlsx, .csv, an OCF folder, .ocf.json or .ocf.zip")
  }
}
