import CapstanXML

/// The workbook formats `capstan import` reads.
public enum SpreadsheetFormat: Sendable, Equatable {
  /// Office Open XML (.xlsx): a zip of SpreadsheetML parts.
  case xlsx
  /// Excel's single-file "XML Spreadsheet 2003".
  case spreadsheet2003

  /// The namespace of XML Spreadsheet 2003.
  public static let namespace2003 = "urn:schemas-microsoft-com:office:spreadsheet"

  /// Whether the XML file's root is an XML Spreadsheet 2003 `<Workbook>` (read no further).
  public static func isSpreadsheet2003(path: String) throws(ImportError) -> Bool {
    do {
      let reader = try XMLStreamReader(path: path)
      while let event = try reader.next() {
        if case .start(let root) = event {
          return root.name == "Workbook" && root.namespace == namespace2003
        }
      }
      return false
    } catch {
      throw ImportError(error)
    }
  }

  /// Reads one sheet (the first when `sheet` is nil) of the workbook at `path`.
  public func read(path: String, sheet: String?) throws(ImportError) -> SheetGrid {
    switch self {
    case .xlsx: try XLSXReader.read(path: path, sheet: sheet)
    case .spreadsheet2003: try Spreadsheet2003Reader.read(path: path, sheet: sheet)
    }
  }
}
