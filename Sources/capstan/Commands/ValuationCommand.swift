import ArgumentParser
import CapstanModel
import CapstanReports
import CapstanStore

extension ShareValuation.Kind: ExpressibleByArgument {}

/// `capstan valuation ...`: valuations (409A and others) of a company's classes.
struct ValuationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "valuation",
    abstract: "Record and list valuations of a class's shares (409A and others).",
    discussion: """
      Examples:
        capstan valuation add --class Common --price 1.25 --date 2026-01-31 --provider "Carta"
        capstan valuation list
      Valuations are dated and append-only, kept beside the ledger; the latest 409A of common
      in force is shown by `capstan report company`.
      """,
    subcommands: [Add.self, List.self])

  /// `capstan valuation add`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Record a valuation of one class's shares from a date.")
    @Option(name: .customLong("class"), help: "The class valued.") var shareClass: String
    @Option(
      help: "The value of one share (exact decimal, e.g. 1.25).",
      transform: Amount.positive("--price"))
    var price: Ratio
    @Option(help: "The effective date (YYYY-MM-DD).") var date: CalendarDate
    @Option(help: "The kind of valuation (other: a board determination, a financing...).") var type:
      ShareValuation.Kind =
        .section409A
    @Option(help: "Who provided the valuation.") var provider: String?
    @Option(help: "When the board approved it (YYYY-MM-DD).") var boardApproved: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let valuation = try store.write { draft in
        try draft.addValuation(
          className: shareClass, pricePerShare: price, effective: date, kind: type,
          provider: provider, boardApproved: boardApproved, company: company.id)
      }
      let name = try store.ledger(for: company.id).classes.first { $0.id == valuation.shareClass }
      print(
        "Recorded a valuation of \(name?.name ?? shareClass) at "
          + "\(Price(valuation.pricePerShare, company.currency).formatted()) from \(date.iso) "
          + "(\(valuation.kind.label)) "
          + "for \(company.name).")
      if let note = AsOf.futureNote([date], .fromItsDate(latest: false)) { print(note) }
    }
  }

  /// `capstan valuation list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "The valuations recorded, in effective-date order.",
      discussion: "Example: capstan valuation list --format json")
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let report = ValuationListReport(
        try store.valuations(for: company.id), ledger: try store.ledger(for: company.id),
        today: Today.date)
      switch output.format {
      case .text:
        emit(
          report.text()
            ?? "No valuations yet (add one with: capstan valuation add --class CLASS --price P --date D).\n"
        )
      case .csv: emit(report.csv())
      case .json: emit(report.json().render())
      }
    }
  }
}
