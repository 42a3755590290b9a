import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// How a report is printed.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, csv, html
}

/// `capstan report company|portfolio`: the board's one-pager and an investor's portfolio.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Company and portfolio reports: text, JSON, CSV or one offline HTML page.",
    discussion: """
      Examples:
        capstan report company --company "Acme AI" --format html -o acme.html
        capstan report portfolio --investor ComputeCo --format json
        capstan report portfolio --investor ComputeCo --price-path prices.csv -o book.html
      Field names of JSON and CSV are documented in docs/reports.md.
      """,
    subcommands: [Company.self, Portfolio.self])

  /// Options every report takes.
  struct Output: ParsableArguments {
    @OptionGroup var asOf: AsOfOption
    @Option(help: "text (default), json, csv or html.")
    var format: ReportFormat = .text
    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of printing.")
    var output: String?

    func render(_ document: ReportDocument) throws {
      let text =
        switch format {
        case .text: document.text()
        case .json: document.json()
        case .csv: document.csv()
        case .html: document.html()
        }
      // CSV stays rows: its later-entries note goes to standard error.
      if format == .csv { AsOf.print(document.laterEntries?.note, format: .csv) }
      guard let output else { return emit(text) }
      try TextFile.write(text, to: output, field: "-o")
      print("Wrote \(output)")
    }
  }

  /// `capstan report company`.
  struct Company: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "company",
      abstract: "Summary, holders, ownership across rounds, pool, vesting, compute, exits.",
      discussion: """
        Example: capstan report company --as-of 2026-12-31 --format html -o board.html
        Exit payouts are shown at three values (--exits), by default ½×, 1× and 3× the post-money.
        """)

    @Option(help: "Three exit values, comma-separated (e.g. 20M,60M,150M).")
    var exits: String?
    @Option(
      help: "A stored offer: the report as if it had closed, with its runway month by month.")
    var offer: String?
    @OptionGroup var runway: RunwayOptions
    @OptionGroup var output: Output
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let values = try exits.map { text in
        try text.split(separator: ",").map { try Parse.amount(String($0), "--exits") }
      }
      let ledger = try store.ledger(for: company.id)
      let (market, valuations) = (try store.tokenMarket(), try store.valuations(for: company.id))
      let asOf = output.asOf.date(ledger)
      let document: ReportDocument
      if let offer = try offer.map({ try store.offer(named: $0, company: company.id) }) {
        document = try CompanyReport.build(
          offer: try offer.priced(on: ledger), ledger: ledger, asOf: asOf, market: market,
          runway: try runway.inputs(defaultUnitPrice: market.pegPerUnit(of: offer)),
          exitValues: values, valuations: valuations)
      } else {
        document = try CompanyReport.build(
          ledger: ledger, asOf: asOf,
          compute: LedgerComputeSource(ledgers: [ledger], market: market), exitValues: values,
          valuations: valuations)
      }
      try output.render(document)
    }
  }

  /// `capstan report portfolio`.
  struct Portfolio: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "portfolio",
      abstract:
        "An investor's holdings, marks, compute exposure, control and FTC 6(b) flags, stress.",
      discussion: """
        Example: capstan report portfolio --investor ComputeCo --as-of 2026-12-31 --format html -o p.html
        Covers every company of the workspace where the investor holds a security or granted
        compute. The price path CSV has a date,price header and one line per date. The
        settings file (YAML) may set fully_diluted_pct, voting_pct, compute_share_pct and
        segment_companies; the defaults and their sources are in docs/reports.md.
        """)

    @Option(help: "The investor (a stakeholder name).")
    var investor: String
    @Option(help: "A token price path CSV (date,price) for the stress table.")
    var pricePath: String?
    @Option(help: "A YAML file of the flags' thresholds (default: docs/reports.md's).")
    var settings: String?
    @OptionGroup var output: Output
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let path = try pricePath.map { file in
        try PortfolioReport.pricePath(
          csv: try TextFile.read(file, field: "--price-path", expected: "a readable CSV file"),
          file: file)
      }
      let thresholds = try settings.map { file in
        try PortfolioThresholds(
          yaml: try TextFile.read(file, field: "--settings", expected: "a readable YAML file"),
          file: file)
      }
      let document = try PortfolioReport.build(
        workspace: try workspace.open(), investor: investor, asOf: { output.asOf.date($0) },
        pricePath: path ?? [], thresholds: thresholds ?? PortfolioThresholds())
      try output.render(document)
    }
  }
}
