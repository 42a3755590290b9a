import ArgumentParser
import CapstanInterchange
import CapstanModel
import Foundation

extension SheetDateFormat: ExpressibleByArgument {}

/// The workbook side of `capstan import`: .xlsx, XML Spreadsheet 2003 and CSV.
extension ImportCommand {
  func importSpreadsheet(_ format: SpreadsheetFormat) throws {
    if self.format == .csv {
      throw ImportError(
        location: file, message: "the import report is text or json; --format csv is not offered")
    }
    let (store, company) = try workspace.openCompany()
    // Drawn only on a terminal, and only once the import has taken more than a second.
    let progress = ProgressBar("import")
    defer { progress.finish() }
    progress.update(0, of: 3, "reading \(file)")
    var overrides: [String: SheetField?] = [:]
    if let mapping {
      guard let text = try? String(contentsOfFile: mapping, encoding: .utf8) else {
        throw ImportError(location: mapping, message: "cannot read the mapping file")
      }
      overrides = try SheetMapping.parseOverrides(text, file: mapping)
    }
    let names = try format.sheetNames(path: file)
    if let grid = try instrumentsSheet(format, names: names, overrides: overrides) {
      progress.update(1, of: 3, "reading instruments")
      try importInstruments(grid, format: format, names: names, store: store, company: company)
      return
    }
    let classSheetName = names.first {
      ClassTermColumn.isClassSheetName($0) && $0.lowercased() != sheet?.lowercased()
    }
    let (grid, columns) = try holdingsSheet(format, names: names, overrides: overrides)
    progress.update(1, of: 3, "mapping columns")
    let classSheet = try classSheetName.map { try format.read(path: file, sheet: $0) }
    let detailsName = names.first {
      SheetHolderDetails.isDetailsSheetName($0) && $0.lowercased() != grid.name.lowercased()
    }
    let details = try detailsName.map {
      try SheetHolderDetails(grid: format.read(path: file, sheet: $0))
    }
    var sheetImport = try SheetImport(
      grid: grid, mapping: columns, classSheet: classSheet, holderDetails: details,
      dateFormat: dateFormat, currency: company.currency)
    let instrumentSheets = names.filter {
      SheetInstrumentKind.named($0) != nil && $0.lowercased() != grid.name.lowercased()
    }
    if sheet == nil, !instrumentSheets.isEmpty {
      sheetImport.notes.append(
        "sheets \(instrumentSheets.joined(separator: ", ")) (SAFEs, notes or warrants) are not "
          + "read with the holdings; import each with --sheet NAME")
    }
    progress.update(2, of: 3, "checking and writing")
    let written = try writeSheet(
      grid, store: store,
      write: { draft in try sheetImport.write(into: &draft, company: company.id) },
      warnings: { written in
        SheetImportOutput(
          sheet: sheetImport, result: written, company: company, dryRun: dryRun
        ).warnings
      })
    progress.finish()
    guard let result = written else { return }
    let output = SheetImportOutput(
      sheet: sheetImport, result: result, company: company, dryRun: dryRun)
    print(self.format == .json ? output.json().render() : output.text(), terminator: "")
    try printLaterEntriesNote(store: store, company: company)
  }

  /// The sheet named by --sheet; else the first sheet (not a classes sheet) with a holdings
  /// header row.
  private func holdingsSheet(
    _ format: SpreadsheetFormat, names: [String], overrides: [String: SheetField?]
  ) throws -> (SheetGrid, SheetMapping) {
    if sheet != nil || names.count <= 1 {
      let grid = try format.read(path: file, sheet: sheet)
      return (grid, try SheetMapping.find(in: grid, overrides: overrides))
    }
    var firstError: Error?
    for name in names
    where !ClassTermColumn.isClassSheetName(name) && SheetInstrumentKind.named(name) == nil {
      let grid = try format.read(path: file, sheet: name)
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
    throw firstError ?? ImportError(location: file, message: "the workbook has no holdings sheet")
  }
}
