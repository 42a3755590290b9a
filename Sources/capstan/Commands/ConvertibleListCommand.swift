import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension SAFECommand {
  /// `capstan safe list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the SAFEs: holder, amount, cap, discount, MFN, pro rata, status.",
      discussion: "Example: capstan safe list --as-of 2026-06-30 --format json")

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      try ConvertibleList.run(kind: "safe", asOf: asOf, workspace: workspace, format: output.format)
    }
  }
}

extension NoteCommand {
  /// `capstan note list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the convertible notes: holder, principal, interest accrued, cap, status.",
      discussion: "Example: capstan note list --as-of 2026-06-30")

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      try ConvertibleList.run(kind: "note", asOf: asOf, workspace: workspace, format: output.format)
    }
  }
}

/// The rows of `safe list` and `note list`.
enum ConvertibleList {
  static func run(kind: String, asOf: AsOfOption, workspace: WorkspaceOptions, format: OutputFormat)
    throws
  {
    let ledger = try workspace.ledger()
    let date = asOf.date(ledger)
    let table = try ledger.replay(asOf: date)
    let report = ConvertibleListReport(
      kind: kind, rows: try ConvertibleListing.rows(ledger, table, kind: kind, on: date),
      company: ledger.company, date: date)
    switch format {
    case .text: emit(report.text())
    case .csv: emit(report.csv())
    case .json: emit(report.json(laterEntries: AsOf.json(ledger, date)).render())
    }
    if format != .json { AsOf.printNote(ledger, date, format: format) }
  }
}
