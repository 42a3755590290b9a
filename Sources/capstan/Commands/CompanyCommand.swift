import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension ConversionSeries: ExpressibleByArgument {}

/// `capstan company ...`: the companies of a workspace.
struct CompanyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "company",
    abstract: "Add, list and show companies; keep dated notes on their ledger.",
    subcommands: [Add.self, List.self, Show.self, Note.self, Segment.self]
  )

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a company to the workspace.",
      discussion:
        "Example: capstan company add \"Acme AI\" --currency USD --incorporated 2025-01-15"
        + " [--broad-based-includes-pool] [--conversion-series round-class] [--segment S]"
    )

    @Argument(help: "The company's name (unique in the workspace).")
    var name: String

    @Option(help: "ISO 4217 currency code.")
    var currency: String = "USD"

    @Option(help: "Date of incorporation (YYYY-MM-DD); nothing can be dated before it.")
    var incorporated: CalendarDate

    @Flag(
      help: """
        Count the plans' unissued pool in broad-based weighted-average anti-dilution (A); \
        the NVCA model charter, the default, leaves it out.
        """)
    var broadBasedIncludesPool = false

    @Option(
      help: """
        Which class SAFEs and notes convert into when a round closes: sub-series (the default: \
        each its own series priced at its conversion price, the YC "Safe Preferred Stock") or \
        round-class (the round's own class, for documents that say so).
        """)
    var conversionSeries: ConversionSeries = .subSeries

    @Option(
      help: """
        The company's market segment (e.g. "foundation models"), from its incorporation; the \
        portfolio report flags seats at two or more companies of one segment.
        """)
    var segment: String?

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      guard let code = Currency(code: currency) else {
        throw InputError.invalid(
          field: "--currency", input: currency, expected: "a three-letter ISO 4217 code such as USD"
        )
      }
      let date = incorporated
      let company = try workspace.open().write { draft in
        let company = try draft.addCompany(
          name: name, currency: code, incorporated: date,
          broadBasedIncludesUnissuedPool: broadBasedIncludesPool,
          conversionSeries: conversionSeries)
        if let segment {
          try draft.addControlRecord(
            ControlRecord(date: date, fact: .segment(segment)), to: company.id)
        }
        return company
      }
      print(
        "Added company \(company.name) (\(company.currency), incorporated \(company.incorporated))")
      if company.broadBasedIncludesUnissuedPool {
        print("Broad-based anti-dilution counts the unissued pool.")
      }
      if company.conversionSeries == .roundClass {
        print("SAFEs and notes convert into the round class.")
      }
      if let segment { print("Segment: \(segment).") }
    }
  }

  /// `capstan company segment S`: the company's market segment from a date.
  struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "segment",
      abstract: "Record the company's market segment from a date (for the portfolio report).",
      discussion: """
        Example: capstan company segment "foundation models" --company "Acme AI" --date 2026-01-01
        A dated control record (capstan board list shows it); a later one replaces it.
        """)

    @Argument(help: "The segment's name.")
    var segment: String
    @Option(help: "From this date, YYYY-MM-DD (default: today).")
    var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let day = date ?? Today.date
      let record = ControlRecord(date: day, fact: .segment(segment))
      try store.write { draft in try draft.addControlRecord(record, to: company.id) }
      print("\(company.name) is in the segment \(segment) from \(day.iso).")
      if let note = AsOf.futureNote([day], .fromItsDate(latest: false)) { print(note) }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the workspace's companies.",
      discussion: "Example: capstan company list --format csv")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      show(WorkspaceListView.companies(try workspace.open().companies()), output.format)
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a company: classes, plans and ledger size.",
      discussion: "Example: capstan company show --company \"Acme AI\"")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var asOf: AsOfOption

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let ledger = try store.ledger(for: company.id)
      let view = CompanyShowView(ledger, try ledger.replay(asOf: asOf.date(ledger)))
      emit(view.text())
      AsOf.print(view.laterEntries?.note, format: .text)
    }
  }

  /// `capstan company note TEXT`: a dated note on the ledger (a `company-note` transaction).
  struct Note: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "note",
      abstract: "Record a dated note on the company's ledger (it changes no number).",
      discussion: """
        Example: capstan company note "Board approved the 2027 option budget" --date 2026-11-02
        The note is an append-only ledger entry: capstan ledger lists it in its place, Capstan
        XML carries it, and the OCF export lists it as not exported. Void it to take it back.
        """)

    @Argument(help: "The note's text.")
    var text: String
    @Option(help: "The note's date, YYYY-MM-DD (default: today).")
    var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      guard !text.allSatisfy(\.isWhitespace) else {
        throw ValidationError("give the note's text")
      }
    }

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let day = date ?? Today.date
      let written = try store.write { draft in
        try draft.append([(day, CompanyNote(text: text).ledgerEvent)], to: company.id)
      }
      for transaction in written { try CommandOutput.recorded(transaction, store, company) }
    }
  }
}
