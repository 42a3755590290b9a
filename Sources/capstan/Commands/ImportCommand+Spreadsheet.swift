import ArgumentParser
import CapstanInterchange
import CapstanModel
import CapstanReports
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
    progress.update(0, of: 2, "reading \(file)")
    let source = try SpreadsheetImportSource.read(
      path: file, format: format, sheet: sheet, mapping: mapping, dateFormat: dateFormat,
      currency: company.currency)
    progress.update(1, of: 2, "checking and writing")
    let report: (text: String, json: JSON)
    switch source {
    case .holdings(let holdings):
      let output = {
        SheetImportReport(sheet: holdings, result: $0, company: company, dryRun: dryRun)
      }
      let written = try writeSheet(
        holdings.grid, store: store,
        write: { try holdings.write(into: &$0, company: company.id, today: Today.date) },
        warnings: { output($0).warnings })
      report = (output(written).text(), output(written).json())
    case .instruments(let instruments):
      let output = {
        InstrumentImportReport(sheet: instruments, result: $0, company: company, dryRun: dryRun)
      }
      let written = try writeSheet(
        instruments.grid, store: store,
        write: { try instruments.write(into: &$0, company: company.id, today: Today.date) },
        warnings: { output($0).warnings })
      report = (output(written).text(), output(written).json())
    }
    progress.finish()
    print(self.format == .json ? report.json.render() : report.text, terminator: "")
    try printLaterEntriesNote(store: store, company: company)
  }
}
