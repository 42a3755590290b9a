import ArgumentParser
import CapstanModel
import CapstanReports

/// `capstan revenue-share add|list`: compute credits repaid as a percentage of revenue.
struct RevenueShareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revenue-share",
    abstract: "Record revenue-share compute credits: repaid out of revenue up to a cap.",
    discussion: """
      A revenue share buys no shares and changes no ownership figure: it is an obligation the
      company owes, listed with its cap amount (credits x cap multiple) by capstan
      revenue-share list. Repayments are not recorded. See docs/revenue-share.md.
      """,
    subcommands: [Add.self, List.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Record revenue-share credits granted by a compute provider.",
      discussion: """
        Example: capstan revenue-share add ComputeCo --credits 500k --percent 5% --cap 1.5x \\
                   --date 2026-03-01
        The company repays 5% of its revenue until 1.5 x 500,000 = 750,000 is paid.
        """)

    @Argument(help: "The provider (a stakeholder; added as an institution if new).")
    var provider: String
    @Option(
      help: "The credits' value.",
      transform: Amount.positive("--credits", "a positive amount of credits"))
    var credits: Ratio
    @Option(
      help: "The percentage of revenue paid, above 0% and at most 100%.",
      transform: Amount.percentage("--percent"))
    var percent: Ratio
    @Option(
      help: "Payments stop at this multiple of the credits (at least 1x), e.g. 1.5x.",
      transform: Amount.multiple("--cap"))
    var cap: Ratio
    @Option(help: "The grant date (YYYY-MM-DD).")
    var date: CalendarDate
    @Option(help: "The term's last day, if the terms set one (YYYY-MM-DD).")
    var expires: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let terms = WorkspaceDraft.RevenueShareTerms(
        provider: provider, credits: credits, percentage: percent, capMultiple: cap,
        expires: expires)
      try workspace.record { draft, company in
        try draft.issueRevenueShare(terms, date: date, company: company.id)
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List revenue shares with their credits, percentage and cap amount.",
      discussion: "Example: capstan revenue-share list --format json")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOption

    func run() throws {
      let ledger = try workspace.ledger()
      show(RevenueShareListView(ledger, asOf: asOf.date(ledger)), output.format)
    }
  }
}
