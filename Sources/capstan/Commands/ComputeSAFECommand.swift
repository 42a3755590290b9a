import ArgumentParser
import CapstanModel

/// `capstan compute-safe add|draw|breach`: a safe whose purchase amount is paid in compute.
struct ComputeSAFECommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compute-safe",
    abstract: "Record compute-SAFEs: safes paid in compute drawn over a window.",
    discussion: """
      A compute-SAFE converts at the next priced round as a post-money SAFE whose purchase
      amount is what the company has drawn by the closing (units x agreed price); undrawn
      compute does not convert. capstan safe list shows it with its accrued amount. See
      docs/compute-safe.md.
      """,
    subcommands: [Add.self, Draw.self, Breach.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Record a compute-SAFE issued to a compute provider.",
      discussion: """
        Example: capstan compute-safe add ComputeCo --commitment 600,000 --gpu-hours \\
                   --agreed-price 2.50 --window 2026-01-01:2026-06-30 --cap 10M \\
                   --discount 20% --sla-suspension --date 2026-01-01
                 capstan compute-safe add ComputeCo --commitment 1M --token H100H \\
                   --agreed-price 2.00 --window 2026-01-01:2026-12-31 --cap 12M --date 2026-01-01
        """)

    @Argument(help: "The provider (a stakeholder; added as an institution if new).")
    var provider: String
    @Option(help: "Units committed: tokens of --token, or GPU-hours with --gpu-hours.")
    var commitment: String
    @Option(help: "The compute token the commitment is counted in (its symbol).")
    var token: String?
    @Flag(help: "The commitment is counted in GPU-hours.")
    var gpuHours = false
    @Option(help: "The agreed price per unit: what each unit drawn adds to the purchase amount.")
    var agreedPrice: String
    @Option(help: "The draw window, START:END (YYYY-MM-DD:YYYY-MM-DD).")
    var window: String
    @Option(help: "Post-money valuation cap.")
    var cap: String?
    @Option(help: "Discount to the round price, e.g. 20%.")
    var discount: String?
    @Flag(help: "SLA breaches suspend accrual: draws dated inside one add nothing.")
    var slaSuspension = false
    @Option(help: "Issue date (YYYY-MM-DD).")
    var date: CalendarDate
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      guard (token != nil) != gpuHours else {
        throw ValidationError("give --token SYMBOL or --gpu-hours (one of them)")
      }
    }

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let terms = WorkspaceDraft.ComputeSAFETerms(
        provider: provider, symbol: token, commitment: try Parse.amount(commitment, "--commitment"),
        agreedPrice: try Parse.amount(agreedPrice, "--agreed-price"),
        window: try WorkspaceDraft.computeSAFEWindow(window),
        valuationCap: try cap.map { try Parse.amount($0, "--cap") },
        discount: try discount.map { try AmountParser.percentage($0, field: "--discount") },
        slaSuspension: slaSuspension)
      let written = try store.write { draft in
        try draft.issueComputeSAFE(terms, date: date, company: company.id)
      }
      try CommandOutput.recorded(written, store, company)
    }
  }

  struct Draw: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "draw",
      abstract: "Record compute drawn under a compute-SAFE (its purchase amount accrues).",
      discussion: """
        Example: capstan compute-safe draw CSAFE-1 100,000 --date 2026-01-31
        A draw outside the window or beyond the commitment is refused.
        """)

    @Argument(help: "The compute-SAFE: its id (CSAFE-1) or its provider's name.")
    var security: String
    @Argument(help: "Units drawn (tokens or GPU-hours, as the compute-SAFE counts them).")
    var units: String
    @Option(help: "Draw date (YYYY-MM-DD).")
    var date: CalendarDate
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let drawn = try Parse.amount(units, "UNITS")
      let written = try store.write { draft in
        try draft.drawComputeSAFE(security, units: drawn, date: date, company: company.id)
      }
      try CommandOutput.recorded(written, store, company)
    }
  }

  struct Breach: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "breach",
      abstract: "Record an SLA breach: draws dated inside it do not accrue.",
      discussion: """
        Example: capstan compute-safe breach CSAFE-1 --from 2026-03-01 --to 2026-03-31
        Only for a compute-SAFE recorded with --sla-suspension. Without --to the breach lasts
        to the end of the draw window (void it and record it again to end it earlier).
        """)

    @Argument(help: "The compute-SAFE: its id (CSAFE-1) or its provider's name.")
    var security: String
    @Option(help: "The breach's first day (the transaction's date).")
    var from: CalendarDate
    @Option(help: "The breach's last day (inclusive).")
    var to: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let written = try store.write { draft in
        try draft.breachComputeSAFE(security, from: from, through: to, company: company.id)
      }
      try CommandOutput.recorded(written, store, company)
    }
  }
}
