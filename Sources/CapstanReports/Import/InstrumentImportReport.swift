import CapstanInterchange
import CapstanModel
import CapstanReports

/// What `capstan import` prints for a sheet of SAFEs, notes or warrants: the columns found,
/// each instrument recorded, the assumptions, and the reconciliation with the workspace.
public struct InstrumentImportReport {
  /// The sheet read.
  public let sheet: SheetInstruments
  /// What was written (or would be, in a dry run).
  public let result: SheetInstrumentsResult
  /// The company imported into.
  public let company: Company
  /// True when nothing was written.
  public let dryRun: Bool

  /// The report of `result`, written (or not, when `dryRun`) from `sheet` into `company`.
  public init(
    sheet: SheetInstruments, result: SheetInstrumentsResult, company: Company, dryRun: Bool
  ) {
    self.sheet = sheet
    self.result = result
    self.company = company
    self.dryRun = dryRun
  }

  /// Every warning: the sheet's (totals) and the reconciliation's.
  public var warnings: [SheetImport.Warning] { sheet.warnings + result.warnings }

  /// One recorded instrument in words.
  public func describe(_ event: LedgerEvent) -> String {
    ImportedEvent.describe(event, names: result.names, currency: company.currency)
  }

  /// A figure of the sheet's kind: money, or shares for warrants.
  private func figure(_ value: Ratio) -> String { sheet.show(value) }

  /// The text report.
  public func text() -> String {
    let header = sheet.headerRow
    var out = ImportedEvent.fold(
      "",
      (dryRun ? "Dry run of " : "Imported ")
        + "\(sheet.grid.file), sheet \(sheet.grid.name) (\(sheet.kind.rawValue)s, header row "
        + "\(header)) into \(company.name):")
    let verb = dryRun ? "would create" : "created"
    let mapped = InstrumentColumn.allCases.compactMap { column in
      sheet.columns[column].map {
        "\(column.rawValue) = \(SheetGrid.reference(column: $0, row: header))"
      }
    }
    out += ImportedEvent.fold("  ", "columns: \(mapped.joined(separator: ", "))")
    let unmapped = sheet.unmapped.map {
      "\"\($0.header)\" (\(SheetGrid.reference(column: $0.column, row: header)))"
    }
    out += ImportedEvent.fold(
      "  ", "unmapped columns: \(unmapped.isEmpty ? "none" : unmapped.joined(separator: ", "))")
    let holders = result.stakeholders.map { "\($0.name) (\($0.kind.rawValue))" }
    out += ImportedEvent.fold(
      "  ",
      "\(verb) \(result.stakeholders.count) stakeholders"
        + (holders.isEmpty ? "" : ": " + holders.joined(separator: ", ")))
    for total in sheet.totals {
      out += ImportedEvent.fold(
        "  ",
        "total: row \(total.row) '\(total.label)': \(figure(total.stated)); "
          + (total.matches ? "matches the rows" : "the rows add up to \(figure(total.rows))"))
    }
    out += "  \(verb) \(result.transactions.count) transactions:\n"
    for transaction in result.transactions {
      out += ImportedEvent.fold("    ", "\(transaction.date) \(describe(transaction.event))")
    }
    if !result.keptIDs.isEmpty {
      out += ImportedEvent.fold(
        "  ", "custom ids kept from the file: \(result.keptIDs.joined(separator: ", "))")
    }
    for skipped in sheet.skipped { out += "  skipped row \(skipped.row): \(skipped.reason)\n" }
    if !sheet.notes.isEmpty {
      out += "  assumptions:\n"
      for note in sheet.notes { out += ImportedEvent.fold("    - ", note) }
    }
    out += "Reconciliation as of \(result.asOf) (the file beside the workspace after the import):\n"
    var table = TextTable([
      ("", .left), ("file", .right), ("file total", .right), ("workspace", .right),
      ("workspace total", .right), ("", .left),
    ])
    for line in result.reconciliation {
      table.add([
        line.label, String(line.fileCount), figure(line.file), String(line.workspaceCount),
        figure(line.workspace), line.matches ? "ok" : "DIFFERS",
      ])
    }
    out += table.render().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
    let all = warnings
    if all.isEmpty {
      out += "Everything matches; no warnings.\n"
    } else {
      out += "Warnings (\(all.count)):\n"
      for warning in all {
        out += ImportedEvent.fold("  ", "\(warning.location): \(warning.message)")
      }
    }
    if dryRun { out += "Nothing written (dry run).\n" }
    return out
  }

  /// The report as JSON: money as decimal strings with cents, shares as integers.
  public func json() -> JSON {
    func value(_ figure: Ratio) -> JSON {
      sheet.kind == .warrant
        ? .int(Int64(clamping: figure.floor)) : .string(figure.decimalString(places: 2))
    }
    return .object([
      ("file", .string(sheet.grid.file)), ("sheet", .string(sheet.grid.name)),
      ("kind", .string(sheet.kind.rawValue)), ("company", .string(company.name)),
      ("dry_run", .bool(dryRun)),
      (
        "created",
        .object([
          ("stakeholders", .array(result.stakeholders.map { .string($0.name) })),
          (
            "transactions",
            .array(result.transactions.map { .string("\($0.date) \(describe($0.event))") })
          ),
        ])
      ),
      ("ids_kept", .array(result.keptIDs.map(JSON.string))),
      (
        "totals",
        .array(
          sheet.totals.map {
            .object([
              ("row", .int(Int64($0.row))), ("label", .string($0.label)),
              ("stated", value($0.stated)), ("rows", value($0.rows)),
              ("matches", .bool($0.matches)),
            ])
          })
      ),
      ("assumptions", .array(sheet.notes.map(JSON.string))),
      (
        "reconciliation",
        .object([
          ("as_of", .string(result.asOf.iso)),
          (
            "lines",
            .array(
              result.reconciliation.map {
                .object([
                  ("name", .string($0.label)), ("file_count", .int(Int64($0.fileCount))),
                  ("file", value($0.file)), ("workspace_count", .int(Int64($0.workspaceCount))),
                  ("workspace", value($0.workspace)), ("matches", .bool($0.matches)),
                ])
              })
          ),
        ])
      ),
      (
        "warnings",
        .array(
          warnings.map {
            .object([("location", .string($0.location)), ("message", .string($0.message))])
          })
      ),
    ])
  }
}
