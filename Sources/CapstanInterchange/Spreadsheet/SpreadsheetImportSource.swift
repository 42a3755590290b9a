import CapstanModel
import Foundation

/// What a workbook or CSV file holds for `capstan import`: the holdings of one sheet (with the
/// class terms and holder details of the sheets beside it), or one sheet of SAFEs, notes or
/// warrants. Reading it checks everything the file alone can tell; nothing is written.
public enum SpreadsheetImportSource {
  /// Stock and options, by holder.
  case holdings(SheetImport)
  /// SAFEs, convertible notes or warrants.
  case instruments(SheetInstruments)

  /// Reads `path` (in `format`): the sheet named `sheet`, or else the first sheet that holds
  /// holdings. `mapping` is a column mapping file (lines `Header = field`) for a holdings
  /// sheet; amounts are in `currency`.
  public static func read(
    path: String, format: SpreadsheetFormat, sheet: String?, mapping: String?,
    dateFormat: SheetDateFormat?, currency: Currency
  ) throws -> SpreadsheetImportSource {
    var overrides: [String: SheetField?] = [:]
    if let mapping {
      guard let text = try? String(contentsOfFile: mapping, encoding: .utf8) else {
        throw ImportError(location: mapping, message: "cannot read the mapping file")
      }
      overrides = try SheetMapping.parseOverrides(text, file: mapping)
    }
    let reader = SheetFile(path: path, format: format, names: try format.sheetNames(path: path))
    let details = { (grid: SheetGrid) throws -> SheetHolderDetails? in
      let name = reader.names.first {
        SheetHolderDetails.isDetailsSheetName($0) && $0.lowercased() != grid.name.lowercased()
      }
      return try name.map { try SheetHolderDetails(grid: format.read(path: path, sheet: $0)) }
    }
    if let grid = try reader.instrumentsSheet(sheet, overrides: overrides) {
      var instruments = try SheetInstruments(
        grid: grid, holderDetails: details(grid), dateFormat: dateFormat, currency: currency)
      if mapping != nil {
        instruments.notes.append(
          "the mapping file applies to holdings sheets; this sheet's columns are found by header"
        )
      }
      return .instruments(instruments)
    }
    let classSheetName = reader.names.first {
      ClassTermColumn.isClassSheetName($0) && $0.lowercased() != sheet?.lowercased()
    }
    let (grid, columns) = try reader.holdingsSheet(sheet, overrides: overrides)
    let classSheet = try classSheetName.map { try format.read(path: path, sheet: $0) }
    var holdings = try SheetImport(
      grid: grid, mapping: columns, classSheet: classSheet, holderDetails: details(grid),
      dateFormat: dateFormat, currency: currency)
    let instrumentSheets = reader.names.filter {
      SheetInstrumentKind.named($0) != nil && $0.lowercased() != grid.name.lowercased()
    }
    if sheet == nil, !instrumentSheets.isEmpty {
      holdings.notes.append(
        "sheets \(instrumentSheets.joined(separator: ", ")) (SAFEs, notes or warrants) are not "
          + "read with the holdings; import each with --sheet NAME")
    }
    return .holdings(holdings)
  }
}

/// A spreadsheet file and its sheets' names.
private struct SheetFile {
  let path: String
  let format: SpreadsheetFormat
  let names: [String]

  /// The sheet to read as SAFEs, notes or warrants, if it is one: the sheet `sheet` names (or
  /// a file's only sheet) when its name says so ("SAFEs", "Convertible Notes", "Warrants"), or
  /// when it has no holdings header and its columns are those of SAFEs or notes.
  func instrumentsSheet(_ sheet: String?, overrides: [String: SheetField?]) throws -> SheetGrid? {
    guard sheet != nil || names.count <= 1 else { return nil }
    let grid = try format.read(path: path, sheet: sheet)
    if SheetInstrumentKind.named(grid.name) != nil { return grid }
    guard (try? SheetMapping.find(in: grid, overrides: overrides)) == nil else { return nil }
    return SheetInstruments.kind(of: grid) == nil ? nil : grid
  }

  /// The sheet named `sheet`; else the first sheet (not a classes sheet) with a holdings
  /// header row.
  func holdingsSheet(_ sheet: String?, overrides: [String: SheetField?]) throws
    -> (SheetGrid, SheetMapping)
  {
    if sheet != nil || names.count <= 1 {
      let grid = try format.read(path: path, sheet: sheet)
      return (grid, try SheetMapping.find(in: grid, overrides: overrides))
    }
    var firstError: Error?
    for name in names
    where !ClassTermColumn.isClassSheetName(name) && SheetInstrumentKind.named(name) == nil {
      let grid = try format.read(path: path, sheet: name)
      do {
        return (grid, try SheetMapping.find(in: grid, overrides: overrides))
      } catch {
        firstError = firstError ?? error
      }
    }
    let instrumentSheets = names.filter { SheetInstrumentKind.named($0) != nil }
    if let found = firstError as? ImportError, !instrumentSheets.isEmpty {
      throw ImportError(
        location: found.location,
        message:
          found.message + "; sheets " + instrumentSheets.joined(separator: ", ")
          + " hold SAFEs, notes or warrants: import each with --sheet NAME")
    }
    throw firstError ?? ImportError(location: path, message: "the workbook has no holdings sheet")
  }
}
