import CapstanInterchange
import CapstanModel
import Foundation

/// The workbook side of `capstan import`: .xlsx and XML Spreadsheet 2003.
extension ImportCommand {
  func importSpreadsheet(_ format: SpreadsheetFormat) throws {
    let (store, company) = try workspace.openCompany()
    // Drawn only on a terminal, and only once the import has taken more than a second.
    let progress = ProgressBar("import")
    defer { progress.finish() }
    progress.update(0, of: 3, "reading \(file)")
    let grid = try format.read(path: file, sheet: sheet)
    progress.update(1, of: 3, "mapping columns")
    var overrides: [String: SheetColumn?] = [:]
    if let mapping {
      guard let text = try? String(contentsOfFile: mapping, encoding: .utf8) else {
        throw ImportError(location: mapping, message: "cannot read the mapping file")
      }
      overrides = try SheetMapping.parseOverrides(text, file: mapping)
    }
    let columns = try SheetMapping.find(in: grid, overrides: overrides)
    let sheetImport = try SheetImport(grid: grid, mapping: columns)
    progress.update(2, of: 3, "checking and writing")
    // A dry run is the real write, rolled back: every check runs, nothing is kept.
    var result: SheetImportResult?
    do {
      try store.write { draft in
        result = try sheetImport.write(into: &draft, company: company.id)
        if dryRun { throw DryRunRollback() }
      }
    } catch is DryRunRollback {}
    progress.finish()
    guard let result else { return }
    print(
      ImportSummary.sheet(sheetImport, result: result, company: company, dryRun: dryRun),
      terminator: "")
  }
}
