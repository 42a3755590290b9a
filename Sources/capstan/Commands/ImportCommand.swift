import ArgumentParser
import CapstanInterchange
import CapstanModel
import CapstanReports
import Foundation

/// `capstan import FILE`: a native XML ledger, an Excel workbook or an Open Cap Format package.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a company from Capstan XML, a workbook or CSV file, or Open Cap Format.",
    discussion: """
      FILE.xml (Capstan's own format, docs/xml-format.md) adds its company to the workspace, \
      with its stakeholders, classes, plans and every transaction. FILE.xlsx, an Excel \
      "XML Spreadsheet 2003" .xml, or FILE.csv adds the holdings of one sheet to an existing \
      company (--company), matching columns by their headers (the Carta export and Pulley's \
      template are recognised), with the classes' terms from a "Share classes" sheet or \
      columns: a preferred class without its issue price and liquidation preference is \
      refused. A sheet of SAFEs, convertible notes or warrants (--sheet SAFEs) is recorded \
      as safe add, note add and warrant add record them. It prints every assumption and a \
      reconciliation of the file against the workspace; a difference is a warning, which \
      --strict refuses (docs/spreadsheets.md). An \
      Open Cap Format folder, Manifest.ocf.json or .ocf.zip is read as OCF.

      The whole file is read and checked, and written in one transaction that is committed \
      only when every check has passed: on any error nothing is written, and the error names \
      the file and line (or sheet and cell). --dry-run shows what would be created and the unmapped columns.

      Examples:
        capstan import acme.xml
        capstan import captable.xlsx --sheet Holdings --dry-run
        capstan import captable.xlsx --mapping columns.txt
        capstan import captable.csv --date-format dmy --strict --format json
        capstan import ./acme-ocf/Manifest.ocf.json      (or the folder, or acme.ocf.zip)
      An OCF package lists what it could not map by object type and count, and the \
      assumptions it made as warnings (--strict refuses the package instead; docs/ocf.md).
      """)

  @Argument(help: "The file (.xml, .xlsx, .csv) or OCF package (folder, .ocf.json, .ocf.zip).")
  var file: String
  @Option(help: "The sheet of a workbook to read (default: the first with holdings).")
  var sheet: String?
  @Option(help: "A column mapping file for a workbook: lines 'Header = field'.")
  var mapping: String?
  @Flag(help: "Read and check the file, print what would be created, write nothing.")
  var dryRun = false
  @Flag(help: "Refuse the file (OCF package or workbook) instead of importing with warnings.")
  var strict = false
  @Option(
    help: "Workbooks: slashed text dates as us (MM/DD/YYYY, default), dmy or iso only.")
  var dateFormat: SheetDateFormat?
  @Option(help: "Workbooks: the report's format, text or json.")
  var format: OutputFormat = .text
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    switch try ImportKind.of(file) {
    case .ocf:
      try refuseSpreadsheetOptions(for: "Open Cap Format")
      try Self.importOCF(path: file, strict: strict, dryRun: dryRun, workspace: workspace)
    case .nativeXML:
      try importNativeXML()
    case .spreadsheet(let format):
      try importSpreadsheet(format)
    }
  }

  /// Options only a workbook takes are refused elsewhere, rather than ignored.
  func refuseSpreadsheetOptions(for kind: String) throws {
    if sheet != nil || mapping != nil || dateFormat != nil || format != .text {
      throw ImportError(
        location: file,
        message:
          "--sheet, --mapping, --date-format and --format apply to workbooks and CSV files "
          + "only, not to \(kind)")
    }
  }

  func importNativeXML() throws {
    try refuseSpreadsheetOptions(for: "Capstan XML")
    let store = try workspace.open()
    // The transactions are read, checked and written in one pass, never all in memory; the
    // ledger is then replayed from the written rows before the write commits.
    let progress = ProgressBar(total: fileSize(file), label: "Importing \(file)")
    let result: StreamedImport
    do {
      result = try NativeXMLReader.importStreaming(
        path: file, into: store, dryRun: dryRun, progress: progress.update,
        checking: { progress.update(1, of: 1, "checking the ledger") })
      progress.finish()
    } catch {
      progress.finish()
      throw error
    }
    let counts = ImportSummary.counts(result.header, tally: result.tally)
    if dryRun {
      print(
        ImportSummary.dryRun(counts: counts, company: result.header.company, file: file),
        terminator: "")
    } else {
      print(
        ImportSummary.imported(counts: counts, company: result.company, file: file),
        terminator: "")
      // Only when the file runs past today is the new ledger read back, for the note.
      if let latest = result.tally.latest, latest > Today.date,
        let note = AsOf.importNote(try store.ledger(for: result.company.id))
      {
        print(note)
      }
    }
  }
}

/// Thrown inside a dry run's write so that the workspace rolls everything back.
/// The size of a file in bytes (0 when unknown), for progress.
func fileSize(_ path: String) -> Int {
  ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

extension ImportError: RefusedInput {}
