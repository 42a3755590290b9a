import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// `capstan ledger`: the transactions, in date order.
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "List the ledger's transactions in date order.",
    discussion: """
      Example: capstan ledger --since 2025-01-01 --until 2025-12-31 --format csv
      Voided transactions are left out (with a count) unless --include-voided; then they are
      struck through in text, and carry "voided_by" (the void's number) in JSON and CSV.
      """)

  @Option(
    help: ArgumentHelp(
      "Only transactions dated on or after this day (YYYY-MM-DD).", valueName: "date"))
  var since: CalendarDate?
  @Option(
    help: ArgumentHelp(
      "Only transactions dated on or before this day (YYYY-MM-DD).", valueName: "date"))
  var until: CalendarDate?
  @Flag(help: "List voided transactions too (struck through).")
  var includeVoided = false
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let entries = LedgerListing.entries(
      of: try store.ledger(for: company.id), since: since, until: until)
    show(
      LedgerListingView(company: company.name, entries: entries, includeVoided: includeVoided),
      output.format)
  }
}

extension LedgerCommand {
  /// `entries` as the ledger listing prints them, voided ones included (`round close`).
  static func render(_ entries: [LedgerEntry], company: Company, format: OutputFormat) -> String {
    LedgerListingView(company: company.name, entries: entries, includeVoided: true)
      .rendered(format.view)
  }
}
