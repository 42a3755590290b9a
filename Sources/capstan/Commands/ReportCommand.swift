import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports
import CapstanStore
import Foundation

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
      do {
        try text.write(toFile: output, atomically: true, encoding: .utf8)
      } catch {
        throw InputError.invalid(field: "-o", input: output, expected: "a file that can be written")
      }
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
      var ledger = try store.ledger(for: company.id)
      let market = try store.tokenMarket()
      let priced = try offer.map { try store.offer(named: $0, company: company.id) }
        .map { try $0.priced(on: ledger) }
      if let priced { ledger = try priced.offer.proFormaLedger(on: ledger, market: market) }
      let asOf = output.asOf.date(ledger)
      let date = priced.map { max(asOf, $0.offer.closing) } ?? asOf
      var document = try CompanyReport.build(
        ledger: ledger, asOf: date,
        compute: LedgerComputeSource(ledgers: [ledger], market: market),
        exitValues: values,
        valuations: try store.valuations(for: company.id))
      if let priced {
        let symbol = priced.offer.terms.tokenInvestments.first?.symbol.uppercased()
        let projection = OfferProjection(
          offer: priced.offer,
          inputs: OfferComparison.Inputs(
            runway: try runway.inputs(
              defaultUnitPrice: symbol.flatMap { market.tokens[$0]?.pegPerUnit }),
            drop: .zero, market: market))
        document.sections.append(
          OfferReport.section(
            priced, redeeming: projection.run(.redeem, drop: .zero),
            selling: projection.run(.sell, drop: .zero), currency: company.currency))
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
      let store = try workspace.open()
      guard Stakeholder.named(investor, in: try store.stakeholders()) != nil else {
        throw InputError.invalid(
          field: "--investor", input: investor, expected: "a stakeholder of this workspace")
      }
      let companies = try store.companies()
      let currencies = Set(companies.map(\.currency.code))
      guard currencies.count <= 1 else {
        throw InputError.invalid(
          field: "--investor", input: investor,
          expected:
            "companies in one currency (this workspace has \(currencies.sorted().joined(separator: ", ")))"
        )
      }
      let ledgers = try store.ledgers(for: companies.map(\.id))
      let inputs = try zip(companies, ledgers).map { company, ledger in
        PortfolioReport.Input(ledger: ledger, records: try store.controlRecords(for: company.id))
      }
      let date = output.asOf.date(inputs.map(\.ledger))
      var path: [PortfolioReport.PricePoint] = []
      if let pricePath {
        guard let text = try? String(contentsOfFile: pricePath, encoding: .utf8) else {
          throw InputError.invalid(
            field: "--price-path", input: pricePath, expected: "a readable CSV file")
        }
        path = try PortfolioReport.pricePath(csv: text, file: pricePath)
      }
      var thresholds = PortfolioThresholds()
      if let settings {
        guard let text = try? String(contentsOfFile: settings, encoding: .utf8) else {
          throw InputError.invalid(
            field: "--settings", input: settings, expected: "a readable YAML file")
        }
        thresholds = try PortfolioThresholds(yaml: text, file: settings)
      }
      let document = try PortfolioReport.build(
        investor: investor, companies: inputs, asOf: date,
        currency: companies.first?.currency ?? .usd,
        compute: LedgerComputeSource(
          ledgers: inputs.map(\.ledger), market: try store.tokenMarket()),
        pricePath: path, thresholds: thresholds)
      try output.render(document)
    }
  }
}
