import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension OwnershipBasis: ExpressibleByArgument {}
/// `table --by`: the engine's groupings, and one row per open security.
extension CapTableQuery.Grouping: ExpressibleByArgument {}
extension CapTableQuery.Basis: ExpressibleByArgument {}

struct TableCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "table",
    abstract: "Show the cap table: ownership by holder or class, outstanding or fully diluted.",
    discussion: """
      Examples:
        capstan table                               fully diluted, by holder, as of today
        capstan table --as-of 2025-02-01 --by class
        capstan table --basis outstanding --format json
        capstan table --basis fully-diluted-with-convertibles --round-price 1.25
        capstan table --by security                 each open security, with its custom id
      Fully diluted = stock (preferred as converted into common) + options outstanding +
      every plan's unissued pool. Percentages are shown to 2 decimals; JSON carries the exact
      fractions, which add up to exactly 1. Outstanding SAFEs and notes are footnoted; with
      fully-diluted-with-convertibles they are counted as the shares they would convert into,
      estimated at their cap (or at --round-price), as the YC safe converts.
      """)

  @OptionGroup var asOf: AsOfOption
  @Option(help: "outstanding, fully-diluted or fully-diluted-with-convertibles.")
  var basis: CapTableQuery.Basis = .fullyDiluted
  @Option(help: "With fully-diluted-with-convertibles: estimate conversions at this price.")
  var roundPrice: Ratio?
  @Option(help: "holder, class or security (each open security in its own class, not converted).")
  var by: CapTableQuery.Grouping = .holder
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func validate() throws {
    if roundPrice != nil && basis != .fullyDilutedWithConvertibles {
      throw ValidationError("--round-price applies to --basis fully-diluted-with-convertibles only")
    }
    if by == .security && basis == .fullyDilutedWithConvertibles {
      throw ValidationError("--by security takes --basis outstanding or fully-diluted")
    }
  }

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let ledger = try store.ledger(for: company.id)
    let date = asOf.date(ledger)
    let table = try ledger.replay(asOf: date)
    ProcessLifetime.keep((ledger, table))
    show(
      try CapTableQuery(basis: basis, grouping: by, roundPrice: roundPrice)
        .view(of: table, ledger: ledger), output.format)
  }
}

extension TableCommand {
  /// The text table of `view` without a footnote (`apply` prints it).
  static func text(_ view: OwnershipView) -> String {
    OwnershipTableView(view, estimate: nil, currency: Currency.usd, laterEntries: nil).tableText()
  }
}
