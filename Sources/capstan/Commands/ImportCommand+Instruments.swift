import CapstanInterchange
import CapstanModel
import Foundation

/// The SAFE, note and warrant sheets of `capstan import`.
extension ImportCommand {
  /// The sheet to read as SAFEs, notes or warrants, if it is one: the sheet `--sheet` names (or
  /// a file's only sheet) when its name says so ("SAFEs", "Convertible Notes", "Warrants"), or
  /// when it has no holdings header and its columns are those of SAFEs or notes.
  func instrumentsSheet(
    _ format: SpreadsheetFormat, names: [String], overrides: [String: SheetField?]
  ) throws -> SheetGrid? {
    guard sheet != nil || names.count <= 1 else { return nil }
    let grid = try format.read(path: file, sheet: sheet)
    if SheetInstrumentKind.named(grid.name) != nil { return grid }
    guard (try? SheetMapping.find(in: grid, overrides: overrides)) == nil else { return nil }
    return SheetInstruments.kind(of: grid) == nil ? nil : grid
  }

  /// Records the sheet's SAFEs, notes or warrants in one write (rolled back by `--dry-run`,
  /// refused by `--strict` on any warning), then prints the report.
  func importInstruments(
    _ grid: SheetGrid, format: SpreadsheetFormat, names: [String], store: any Workspace,
    company: Company
  ) throws {
    let detailsName = names.first {
      SheetHolderDetails.isDetailsSheetName($0) && $0.lowercased() != grid.name.lowercased()
    }
    let details = try detailsName.map {
      try SheetHolderDetails(grid: format.read(path: file, sheet: $0))
    }
    var instruments = try SheetInstruments(
      grid: grid, holderDetails: details, dateFormat: dateFormat, currency: company.currency)
    if mapping != nil {
      instruments.notes.append(
        "the mapping file applies to holdings sheets; this sheet's columns are found by header")
    }
    let written = try writeSheet(
      grid, store: store,
      write: { draft in try instruments.write(into: &draft, company: company.id) },
      warnings: { written in
        InstrumentImportOutput(
          sheet: instruments, result: written, company: company, dryRun: dryRun
        ).warnings
      })
    guard let result = written else { return }
    let output = InstrumentImportOutput(
      sheet: instruments, result: result, company: company, dryRun: dryRun)
    print(self.format == .json ? output.json().render() : output.text(), terminator: "")
    try printLaterEntriesNote(store: store, company: company)
  }
}
