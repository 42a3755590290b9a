import CapstanXML

/// The workbook formats `capstan import` reads.
public enum SpreadsheetFormat: Sendable, Equatable {
  /// Office Open XML (.xlsx): a zip of SpreadsheetML parts.
  case xlsx
  /// Excel's single-file "XML Spreadsheet 2003".
  case spreadsheet2003
  /// Comma-separated values: one sheet, every cell text.
  case csv

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
    case .xlsx: return try XLSXReader.read(path: path, sheet: sheet)
    case .spreadsheet2003: return try Spreadsheet2003Reader.read(path: path, sheet: sheet)
    case .csv:
      if let sheet {
        throw ImportError(
          location: path, message: "a CSV file has one sheet; --sheet '\(sheet)' does not apply")
      }
      return try CSVReader.read(path: path)
    }
  }

  /// The names of the workbook's sheets, in order (a CSV file has none besides its own).
  public func sheetNames(path: String) throws(ImportError) -> [String] {
    switch self {
    case .xlsx: try XLSXReader.sheetNames(path: path)
    case .spreadsheet2003: try Spreadsheet2003Reader.sheetNames(path: path)
    case .csv: []
    }
  }
}
